using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>Gap dimensions are safe to extend (issue 15 item 5): no switch reads an unknown one as another.</summary>
public sealed class GapDimensionTests
{
    private static readonly GapDimension Unknown = (GapDimension)99;

    private static readonly NeedFact Fact = new(1, 10, 20, 30, 40, 50, NeedOutcome.Open, NeedFact.MonthOf(2026, 1));

    [Fact]
    public void EveryDimension_HasItsOwnTaxonomyLabelAndValue()
    {
        Assert.Equal(GapDimensions.All.Count, GapDimensions.All.Select(d => d.TaxonomyKind()).Distinct().Count());
        Assert.Equal(GapDimensions.All.Count, GapDimensions.All.Select(d => d.Label()).Distinct().Count());
        Assert.Equal([10, 20, 30, 40, 50], GapDimensions.All.Select(d => Fact.ValueOf(d)));
    }

    [Fact]
    public void EveryDimension_SelectsItsOwnColumnForACell()
    {
        var company = new Company("Dimension Client", "SE");
        var needs = new[] { new Need(company, new TaxonomyTerm(TaxonomyKind.SupportCategory, "c", "C"), null, "d", NeedPriority.Medium, new Actor("u", "U"), DateTime.UtcNow) }.AsQueryable();
        foreach (var dimension in GapDimensions.All)
        {
            Assert.NotNull(GapAnalysis.InCell(needs, dimension, 1));
        }
    }

    [Fact]
    public void AnUnknownDimension_Throws_NeverCountsAsRegion()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Unknown.TaxonomyKind());
        Assert.Throws<ArgumentOutOfRangeException>(() => Unknown.Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => Fact.ValueOf(Unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => GapAnalysis.InCell(Array.Empty<Need>().AsQueryable(), Unknown, 1));
    }

    [Fact]
    public void Snapshot_StoresDimensionsByName_AndReadsSnapshotsStoredAsNumbers()
    {
        var report = new GapReport(
            new GapQuery(GapDimension.Sector, GapDimension.Region, GapFilters.None), GapView.Full,
            [new AxisValue(1, "Medtech")], [new AxisValue(2, "Skåne")], [[new GapEntry(GapFigures.Zero)]],
            [new GapEntry(GapFigures.Zero)], [new GapEntry(GapFigures.Zero)], new GapEntry(GapFigures.Zero), []);

        var snapshot = new GapSnapshot("By name", null, report, "u", "U", DateTime.UtcNow);

        Assert.Contains("\"rows\":\"Sector\"", snapshot.ReportJson, StringComparison.Ordinal);
        Assert.Contains("\"columns\":\"Region\"", snapshot.ReportJson, StringComparison.Ordinal);
        Assert.Equal(report.Query, snapshot.Report().Query);

        var old = snapshot.ReportJson.Replace("\"rows\":\"Sector\"", "\"rows\":3", StringComparison.Ordinal)
            .Replace("\"columns\":\"Region\"", "\"columns\":4", StringComparison.Ordinal)
            .Replace("\"view\":\"Full\"", "\"view\":0", StringComparison.Ordinal);
        var stored = System.Text.Json.JsonSerializer.Deserialize<GapReport>(old, GapSnapshot.Json)!;

        Assert.Equal(GapDimension.Sector, stored.Query.Rows);
        Assert.Equal(GapDimension.Region, stored.Query.Columns);
        Assert.Equal(GapView.Full, stored.View);
    }
}
