using System.Text.Json;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Privacy;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>The gap report of <see cref="GapTestData"/>, every number worked out by hand, on SQLite and PostgreSQL.</summary>
public sealed class GapAnalysisTests
{
    private static readonly Viewer Pm = new("pm", new HashSet<string> { Roles.ProjectManager }, null, null);

    // Figures: needs, companies, offers, covered, met, unmet not available, unmet not eligible.
    private static GapFigures F(int needs, int companies, int offers, int covered, int met, int notAvailable, int notEligible) =>
        new(needs, companies, offers, covered, met, notAvailable, notEligible);

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CategoryByMarket_GivesTheHandCountedCells(DatabaseProvider provider)
    {
        var (database, data) = await CreateAsync(provider);
        await using var _ = database;

        var report = await ComputeAsync(database, GapQuery.Default, Pm);

        Assert.Equal(["Legal advisory", "Regulatory"], report.Rows.Select(r => r.Label));
        Assert.Equal(["USA", "Boston", "Germany", AxisValue.NotSpecified], report.Columns.Select(c => c.Label));
        Assert.Equal(data.Usa.Id, report.Columns[0].Id);
        // Legal × USA: N1, N4, N11 (C1, C3) and N5 (C4); O1 matches all, O2 the two of clinical C1 in Skåne.
        Assert.Equal(F(4, 3, 2, 4, 0, 0, 1), report.Cell(0, 0).Figures);
        Assert.Equal(F(1, 1, 2, 1, 1, 0, 0), report.Cell(0, 1).Figures); // N2: Boston is within O1's USA
        Assert.Equal(F(1, 1, 0, 0, 0, 1, 0), report.Cell(0, 2).Figures); // N3: nothing legal for Germany at launch
        Assert.Equal(GapFigures.Zero, report.Cell(0, 3).Figures);
        Assert.Equal(F(1, 1, 0, 0, 1, 0, 0), report.Cell(1, 0).Figures); // N8: O4 is a draft
        Assert.Equal(GapFigures.Zero, report.Cell(1, 1).Figures);
        Assert.Equal(F(2, 2, 1, 1, 0, 1, 0), report.Cell(1, 2).Figures); // N6 matches O3; N7 is biotech
        Assert.Equal(F(1, 1, 1, 1, 0, 0, 0), report.Cell(1, 3).Figures); // N9 without market, medtech: O3

        Assert.Equal(F(6, 4, 2, 5, 1, 1, 1), report.RowTotals[0].Figures);
        Assert.Equal(F(4, 4, 1, 2, 1, 1, 0), report.RowTotals[1].Figures);
        Assert.Equal(F(5, 4, 2, 4, 1, 0, 1), report.ColumnTotals[0].Figures);
        Assert.Equal(F(3, 3, 1, 1, 0, 2, 0), report.ColumnTotals[2].Figures);
        Assert.Equal(F(10, 5, 3, 7, 2, 2, 1), report.Total.Figures); // N10 is withdrawn: not counted by default
        Assert.Equal(0.7, report.Total.Figures!.Coverage);

        Assert.Equal([2, 2, 3, 2, 1], report.Trend.Select(t => t.Entry.Figures!.Needs));
        Assert.Equal(new DateOnly(2026, 1, 1), report.Trend[0].Month);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CellSums_EqualTheTotals(DatabaseProvider provider)
    {
        var (database, _) = await CreateAsync(provider);
        await using var __ = database;
        foreach (var (rows, columns) in new[] { (GapDimension.Category, GapDimension.Market), (GapDimension.Stage, GapDimension.Region), (GapDimension.Sector, GapDimension.Category), (GapDimension.Market, GapDimension.Stage) })
        {
            var report = await ComputeAsync(database, new GapQuery(rows, columns, GapFilters.None), Pm);
            foreach (var measure in Additive)
            {
                for (var r = 0; r < report.Rows.Count; r++)
                {
                    Assert.Equal(measure(report.RowTotals[r].Figures!), report.Cells[r].Sum(e => measure(e.Figures!)));
                }

                for (var c = 0; c < report.Columns.Count; c++)
                {
                    Assert.Equal(measure(report.ColumnTotals[c].Figures!), report.Cells.Sum(row => measure(row[c].Figures!)));
                }

                Assert.Equal(measure(report.Total.Figures!), report.RowTotals.Sum(e => measure(e.Figures!)));
                Assert.Equal(measure(report.Total.Figures!), report.ColumnTotals.Sum(e => measure(e.Figures!)));
                Assert.Equal(measure(report.Total.Figures!), report.Trend.Sum(t => measure(t.Entry.Figures!)));
            }
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Filters_NarrowTheNeedsCounted(DatabaseProvider provider)
    {
        var (database, data) = await CreateAsync(provider);
        await using var _ = database;

        async Task<GapFigures> Total(GapFilters filters) => (await ComputeAsync(database, GapQuery.Default with { Filters = filters }, Pm)).Total.Figures!;

        Assert.Equal(F(7, 3, 3, 5, 2, 1, 1), await Total(new GapFilters(CountryCode: "SE"))); // N1-N4, N8, N9, N11
        Assert.Equal(F(5, 4, 2, 3, 0, 2, 1), await Total(new GapFilters(From: new(2026, 2, 1), To: new(2026, 3, 31)))); // N3-N7
        Assert.Equal(F(2, 2, 1, 1, 0, 1, 1), await Total(new GapFilters(RegionId: data.Skane.Id, Statuses: [NeedStatus.Unmet]))); // N3, N4
        Assert.Equal(F(3, 2, 2, 2, 0, 1, 0), await Total(new GapFilters(HomeIncubatorId: data.IncubatorB.Id))); // N5-N7
        Assert.Equal(F(3, 2, 0, 0, 1, 2, 0), await Total(new GapFilters(SectorId: data.Biotech.Id))); // N3, N7, N8
        Assert.Equal(F(1, 1, 1, 1, 0, 0, 0), await Total(new GapFilters(SectorId: data.Biotech.Id, Statuses: [NeedStatus.Withdrawn]))); // N10
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Advisors_CountTheirOwnClients_PartnersEveryCompanyButOnlyProtected(DatabaseProvider provider)
    {
        var (database, data) = await CreateAsync(provider);
        await using var _ = database;
        var advisorB = new Viewer("a", new HashSet<string> { Roles.Advisor }, data.IncubatorB.Id, null);
        var partner = new Viewer("p", new HashSet<string> { Roles.PartnerStaff }, data.IncubatorA.Id, null);

        Assert.Equal(F(3, 2, 2, 2, 0, 1, 0), (await ComputeAsync(database, GapQuery.Default, advisorB)).Total.Figures);
        Assert.Equal(GapView.Full, GapAnalysis.ScreenView(advisorB));
        Assert.Equal(GapView.Protected, GapAnalysis.ScreenView(partner));
        Assert.Equal(GapView.Full, GapAnalysis.ScreenView(Pm));
        Assert.Equal(GapView.Protected, GapAnalysis.ScreenView(Pm, previewProtected: true));
        Assert.Equal(GapView.Full, GapAnalysis.ScreenView(advisorB, previewProtected: true));
        Assert.False(GapAnalysis.MayListNeeds(partner));

        await using var db = database.CreateContext();
        var shown = await new GapAnalysis(db, protection: TestProtection.Instance).ComputeAsync(GapQuery.Default, partner, GapAnalysis.ScreenView(partner));
        Assert.Equal(GapView.Protected, shown.View);
        Assert.Equal(JsonSerializer.Serialize(GapProtection.Apply(await ComputeAsync(database, GapQuery.Default, Pm), TestProtection.Instance)), JsonSerializer.Serialize(shown));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new GapAnalysis(db).ComputeAsync(GapQuery.Default, partner, GapView.Protected));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ProtectedView_NeverShowsOneOrTwoCompanies_AndItsMarginsGiveNothingAway(DatabaseProvider provider)
    {
        var (database, _) = await CreateAsync(provider);
        await using var __ = database;
        var full = await ComputeAsync(database, GapQuery.Default, Pm);

        var report = GapProtection.Apply(full, TestProtection.Instance);

        // Every non-empty cell but Legal × USA (three companies) is about one or two companies.
        var shown = report.Cells.SelectMany(r => r).Concat(report.RowTotals).Concat(report.ColumnTotals).Append(report.Total).Concat(report.Trend.Select(t => t.Entry)).ToList();
        Assert.All(shown, e => Assert.True(e.Figures.Companies is 0 or >= 3, $"{e.Figures.Companies} companies shown"));
        var legalUsa = report.Find(full.Rows[0].Id, full.Columns[0].Id)!.Value;
        Assert.InRange(report.Cell(legalUsa.Row, legalUsa.Column).Figures.Companies, 3, 7);
        Assert.InRange(report.Total.Figures.Needs, 10 - PerturbationTable.MaxNoise, 10 + PerturbationTable.MaxNoise);
        foreach (var measure in Enum.GetValues<AttackedMeasure>())
        {
            var attacker = new GapAttacker<string>([.. full.Rows.Select(r => r.Id)], [.. full.Columns.Select(c => c.Id)], [.. full.Trend.Select(t => t.Month)], false, false, measure);
            attacker.Observe("all", report, full);
            Assert.Empty(attacker.Run().Recoveries);
        }
    }

    [Fact]
    public async Task Numbers_AreIdenticalOnSqliteAndPostgres()
    {
        var (sqlite, _) = await CreateAsync(DatabaseProvider.Sqlite);
        var (postgres, _) = await CreateAsync(DatabaseProvider.Postgres);
        await using var a = sqlite;
        await using var b = postgres;
        foreach (var (rows, columns) in new[] { (GapDimension.Category, GapDimension.Market), (GapDimension.Region, GapDimension.Stage), (GapDimension.Sector, GapDimension.Market) })
        {
            var query = new GapQuery(rows, columns, new GapFilters(From: new(2026, 1, 1)));
            var onSqlite = await ComputeAsync(sqlite, query, Pm);
            var onPostgres = await ComputeAsync(postgres, query, Pm);
            // Term ids are the same: both databases were filled in the same order.
            Assert.Equal(JsonSerializer.Serialize(onSqlite), JsonSerializer.Serialize(onPostgres));
            Assert.Equal(JsonSerializer.Serialize(GapProtection.Apply(onSqlite, TestProtection.Instance)), JsonSerializer.Serialize(GapProtection.Apply(onPostgres, TestProtection.Instance)));
        }
    }

    private static readonly Func<GapFigures, int>[] Additive = [f => f.Needs, f => f.Covered, f => f.Met, f => f.UnmetNotAvailable, f => f.UnmetNotEligible];

    private static async Task<(TestDatabase Database, GapTestData Data)> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, withReferenceData: false);
        await using var db = database.CreateContext();
        return (database, await GapTestData.CreateAsync(db));
    }

    private static async Task<GapReport> ComputeAsync(TestDatabase database, GapQuery query, Viewer viewer)
    {
        await using var db = database.CreateContext();
        return await new GapAnalysis(db, protection: TestProtection.Instance).ComputeFullAsync(query, viewer);
    }
}
