using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Core.Tests.Reports;

public sealed class GapComparisonTests
{
    // needs, companies, offers, covered, met, unmet not available, unmet not eligible
    private static GapFigures F(int needs, int covered, int unmet) => new(needs, needs, 1, covered, 0, unmet, 0);

    [Theory]
    [InlineData(4, 1, 0, 4, 2, 0, GapChange.Better)] // coverage 25 % → 50 %
    [InlineData(4, 2, 0, 8, 2, 0, GapChange.Worse)] // 50 % → 25 %: more demand, same supply
    [InlineData(4, 2, 2, 4, 2, 1, GapChange.Better)] // same coverage, fewer unmet
    [InlineData(4, 2, 1, 8, 4, 2, GapChange.Same)] // same shares
    [InlineData(0, 0, 0, 3, 0, 0, GapChange.NewDemand)]
    [InlineData(3, 0, 0, 0, 0, 0, GapChange.NoDemand)]
    public void Classify_ComparesSharesNotCounts(int needsBefore, int coveredBefore, int unmetBefore, int needsAfter, int coveredAfter, int unmetAfter, GapChange expected) =>
        Assert.Equal(expected, GapComparison.Classify(F(needsBefore, coveredBefore, unmetBefore), F(needsAfter, coveredAfter, unmetAfter)));

    [Fact]
    public void Compare_MatchesCellsByTheirTerms_EvenWhenAnAxisGainedAValue()
    {
        var before = Report([new AxisValue(1, "Legal")], [new AxisValue(10, "USA")], [[F(4, 1, 0)]]);
        var after = Report([new AxisValue(1, "Legal")], [new AxisValue(11, "Germany"), new AxisValue(10, "USA")], [[F(2, 0, 2), F(4, 4, 0)]]);

        var changes = GapComparison.Compare(before, after);

        Assert.Equal([(10, GapChange.Better), (11, GapChange.NewDemand)], changes.Select(c => (c.Column.Id!.Value, c.Change)).OrderBy(c => c.Item1));
        Assert.False(GapComparison.CanCompare(before, after with { Query = new GapQuery(GapDimension.Stage, GapDimension.Market, GapFilters.None) }));
    }

    private static GapReport Report(AxisValue[] rows, AxisValue[] columns, GapFigures[][] cells) => new(
        GapQuery.Default,
        GapView.Full,
        rows,
        columns,
        cells.Select(r => (IReadOnlyList<GapEntry>)r.Select(f => new GapEntry(f)).ToList()).ToList(),
        rows.Select(_ => new GapEntry(GapFigures.Zero)).ToList(),
        columns.Select(_ => new GapEntry(GapFigures.Zero)).ToList(),
        new GapEntry(GapFigures.Zero),
        []);
}
