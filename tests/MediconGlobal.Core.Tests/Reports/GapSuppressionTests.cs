using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>Suppression on many random sparse tables: small cells always hidden, nothing recoverable from the totals.</summary>
public sealed class GapSuppressionTests
{
    private static readonly OfferCoverageIndex NoOffers =
        OfferCoverageIndex.Build(new MatchingRule(new MarketHierarchy(new Dictionary<int, int?>(), new HashSet<int>())), []);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 60))
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTable_SmallEntriesHidden_ShownEntriesTrue_NothingRecoverable(int seed)
    {
        var full = RandomReport(new Random(seed));
        var shown = GapSuppression.Apply(full);

        for (var r = 0; r <= full.Rows.Count; r++)
        {
            for (var c = 0; c <= full.Columns.Count; c++)
            {
                var (before, after) = (At(full, r, c), At(shown, r, c));
                if (GapSuppression.IsSmall(before.Figures!))
                {
                    Assert.True(after.IsSuppressed, $"Entry ({r}, {c}) is about {before.Figures!.Companies} companies but is shown.");
                }
                else if (!after.IsSuppressed)
                {
                    Assert.Equal(before.Figures, after.Figures);
                }

                if (before.Figures!.Companies == 0)
                {
                    Assert.False(after.IsSuppressed, "An empty entry says nothing about any company and stays visible.");
                }
            }
        }

        Assert.All(full.Trend.Zip(shown.Trend), pair => Assert.True(!GapSuppression.IsSmall(pair.First.Entry.Figures!) || pair.Second.Entry.IsSuppressed));
        Assert.NotEqual(1, shown.Trend.Count(t => t.Entry.IsSuppressed));
        SuppressionAttacker.AssertNothingRecoverable(shown);
    }

    [Fact]
    public void OneSmallCell_IsProtectedByThreeMoreCellsOnACycle()
    {
        // Companies 1..30 each with one need in a 3 × 3 table; cell (0, 0) has a single company.
        var facts = new List<NeedFact> { Fact(100, 1, 1) };
        var company = 1;
        foreach (var (row, column, count) in new[] { (1, 2, 5), (1, 3, 6), (2, 1, 4), (2, 2, 3), (2, 3, 7), (3, 1, 5), (3, 2, 4), (3, 3, 8), (1, 1, 0) })
        {
            facts.AddRange(Enumerable.Range(0, count).Select(_ => Fact(company++, row, column)));
        }

        var shown = GapSuppression.Apply(Compute(facts, 3, 3));

        Assert.True(shown.Cell(0, 0).IsSuppressed);
        Assert.Equal(4, shown.Cells.SelectMany(r => r).Count(e => e.IsSuppressed)); // the cheapest 4-cycle
        Assert.True(shown.Cell(0, 2).IsSuppressed || shown.Cell(0, 1).IsSuppressed);
        Assert.All(shown.RowTotals.Concat(shown.ColumnTotals).Append(shown.Total), t => Assert.False(t.IsSuppressed));
        SuppressionAttacker.AssertNothingRecoverable(shown);
    }

    [Fact]
    public void FewerThanThreeCompaniesInAll_HidesEverythingButZeros()
    {
        var shown = GapSuppression.Apply(Compute([Fact(1, 1, 1), Fact(2, 2, 2), Fact(2, 2, 2)], 2, 2));

        Assert.True(shown.Total.IsSuppressed);
        Assert.Equal([true, false], shown.Cells[0].Select(e => e.IsSuppressed));
        Assert.Equal(0, shown.Cell(0, 1).Figures!.Needs);
    }

    private static GapEntry At(GapReport report, int r, int c) =>
        r < report.Rows.Count && c < report.Columns.Count ? report.Cell(r, c)
        : r < report.Rows.Count ? report.RowTotals[r]
        : c < report.Columns.Count ? report.ColumnTotals[c]
        : report.Total;

    private static NeedFact Fact(int company, int category, int market, int month = 1) =>
        new(company, category, market, null, null, null, NeedStatus.Open, null, new DateTime(2026, month, 1, 0, 0, 0, DateTimeKind.Utc));

    private static GapReport Compute(IEnumerable<NeedFact> facts, int rows, int columns) =>
        GapCalculator.Compute(
            GapQuery.Default,
            Enumerable.Range(1, rows).Select(i => new AxisTerm(i, $"Category {i}")).ToList(),
            Enumerable.Range(1, columns).Select(i => new AxisTerm(i, $"Market {i}")).ToList(),
            facts,
            NoOffers);

    /// <summary>A sparse table: a few busy cells, many with one or two companies, companies spread over several cells.</summary>
    private static GapReport RandomReport(Random random)
    {
        var rows = random.Next(2, 9);
        var columns = random.Next(2, 11);
        var companies = random.Next(3, 60);
        var facts = new List<NeedFact>();
        for (var company = 1; company <= companies; company++)
        {
            var home = (Row: 1 + random.Next(rows), Column: 1 + random.Next(columns));
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var (row, column) = random.Next(3) == 0 ? (1 + random.Next(rows), 1 + random.Next(columns)) : home;
                var status = (NeedStatus)random.Next(5);
                facts.Add(new NeedFact(company, row, column, null, null, null, status, status == NeedStatus.Unmet ? (UnmetReason)random.Next(2) : null, new DateTime(2025, 1 + random.Next(12), 1, 0, 0, 0, DateTimeKind.Utc)));
            }
        }

        return Compute(facts, rows, columns);
    }
}
