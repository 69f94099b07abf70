using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Testing.Privacy;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>Cell-key perturbation of gap reports (ADR 1801) on many random sparse tables.</summary>
public sealed class GapProtectionTests
{
    private static readonly OfferCoverageIndex NoOffers =
        OfferCoverageIndex.Build(new MatchingRule(new MarketHierarchy(new Dictionary<int, int?>(), new HashSet<int>()), OfferDay.At(DateTime.UnixEpoch)), []);

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
    public void RandomTable_EveryEntryIsPublishedByTheTable_AndAgreesWithItself(int seed)
    {
        var full = RandomReport(new Random(seed));

        var shown = GapProtection.Apply(full, TestProtection.Instance);

        foreach (var (exact, published) in Pairs(full, shown))
        {
            Assert.Contains(published.Companies, PerturbationTable.Row(exact.Companies).Select(x => x.Published));
            if (published.Companies == 0)
            {
                Assert.Equal(GapFigures.Zero, published);
                continue;
            }

            Assert.True(published.Needs >= published.Companies);
            Assert.True(published.Needs == published.Companies || PerturbationTable.Row(exact.Needs).Any(x => x.Published == published.Needs));
            Assert.All([published.Covered, published.Met, published.UnmetNotAvailable, published.UnmetNotEligible], part => Assert.InRange(part, 0, published.Needs));
            Assert.Equal(exact.Offers, published.Offers);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTable_ItsMarginsPinDownNoCountOfOneOrTwo(int seed)
    {
        var full = RandomReport(new Random(seed));
        var shown = GapProtection.Apply(full, TestProtection.Instance);

        foreach (var measure in Enum.GetValues<AttackedMeasure>())
        {
            var attacker = new GapAttacker<string>([.. full.Rows.Select(r => r.Id)], [.. full.Columns.Select(c => c.Id)], [.. full.Trend.Select(t => t.Month)], false, false, measure);
            attacker.Observe("table", shown, full);
            Assert.Empty(attacker.Run().Recoveries);
        }
    }

    [Fact]
    public void TheSameCompanies_GetTheSameFigure_InEveryTableTheyAppearIn()
    {
        var facts = RandomFacts(new Random(7), rows: 6, columns: 8);
        var byMarket = GapProtection.Apply(Compute(facts, 6, 8), TestProtection.Instance);
        var transposed = GapProtection.Apply(Compute(facts, 6, 8, transpose: true), TestProtection.Instance);

        Assert.Equal(byMarket.Total, transposed.Total);
        Assert.Equal(byMarket.RowTotals, transposed.ColumnTotals);
        Assert.Equal(byMarket.Trend, transposed.Trend);
        for (var r = 0; r < byMarket.Rows.Count; r++)
        {
            for (var c = 0; c < byMarket.Columns.Count; c++)
            {
                var other = transposed.Find(byMarket.Columns[c].Id, byMarket.Rows[r].Id)!.Value;
                Assert.Equal(byMarket.Cell(r, c), transposed.Cell(other.Row, other.Column));
            }
        }
    }

    [Fact]
    public void OneCompanyMoreOrLess_GivesIndependentNoise_SoDifferencesAreNoisy()
    {
        // 200 pairs of counts that differ by one company: with independent noise the published difference is
        // often not 1 (with shared noise it would always be).
        var wrong = 0;
        for (var i = 0; i < 200; i++)
        {
            var companies = Enumerable.Range(1 + (i * 50), 12).ToList();
            var whole = TestProtection.Instance.Group(companies).Companies;
            var part = TestProtection.Instance.Group(companies.Skip(1)).Companies;
            wrong += whole - part == 1 ? 0 : 1;
        }

        Assert.InRange(wrong, 80, 160);
    }

    [Fact]
    public void FewerThanThreeCompaniesInAll_ShowsAnEmptyReport()
    {
        var shown = GapProtection.Apply(Compute([Fact(1, 1, 1), Fact(2, 2, 2), Fact(2, 2, 2)], 2, 2), TestProtection.Instance);

        Assert.True(shown.Total.Figures.Companies is 0 or >= 3);
        if (shown.Total.Figures.Companies == 0)
        {
            Assert.Empty(shown.Rows);
            Assert.Empty(shown.Trend);
        }
    }

    [Fact]
    public void RowsAndColumnsShownEmpty_AreLeftOut_SoTheShapeSaysNoMoreThanTheFigures()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var full = RandomReport(new Random(seed));
            var shown = GapProtection.Apply(full, TestProtection.Instance);

            Assert.All(shown.Rows.Select((_, r) => shown.Cells[r].Append(shown.RowTotals[r])), row => Assert.Contains(row, e => e.Figures.Companies > 0));
            Assert.All(shown.Columns.Select((_, c) => shown.Cells.Select(row => row[c]).Append(shown.ColumnTotals[c])), column => Assert.Contains(column, e => e.Figures.Companies > 0));
            Assert.True(shown.Trend.Count == 0 || (shown.Trend[0].Entry.Figures.Companies > 0 && shown.Trend[^1].Entry.Figures.Companies > 0));
            Assert.Equal(GapView.Protected, shown.View);
        }
    }

    [Fact]
    public void ReportComputedWithoutKeys_CannotBeProtected()
    {
        var full = GapCalculator.Compute(GapQuery.Default, [new AxisTerm(1, "C")], [new AxisTerm(1, "M")], [Fact(1, 1, 1)], NoOffers);

        Assert.Throws<InvalidOperationException>(() => GapProtection.Apply(full, TestProtection.Instance));
    }

    /// <summary>Every entry of the full report with its published figures (entries the protected report leaves out are published empty).</summary>
    private static IEnumerable<(GapFigures Exact, GapFigures Published)> Pairs(GapReport full, GapReport shown)
    {
        GapFigures Published(int? row, int? column, Func<(int R, int C), GapEntry> cell, Func<int, GapEntry> rowTotal, Func<int, GapEntry> columnTotal)
        {
            var r = shown.Rows.ToList().FindIndex(v => v.Id == row);
            var c = shown.Columns.ToList().FindIndex(v => v.Id == column);
            return (row, column) switch
            {
                (-1, -1) => shown.Total.Figures,
                (-1, _) => c < 0 ? GapFigures.Zero : columnTotal(c).Figures,
                (_, -1) => r < 0 ? GapFigures.Zero : rowTotal(r).Figures,
                _ => r < 0 || c < 0 ? GapFigures.Zero : cell((r, c)).Figures,
            };
        }

        for (var r = 0; r <= full.Rows.Count; r++)
        {
            for (var c = 0; c <= full.Columns.Count; c++)
            {
                var (rowId, columnId) = (r < full.Rows.Count ? full.Rows[r].Id : -1, c < full.Columns.Count ? full.Columns[c].Id : -1);
                var exact = r < full.Rows.Count && c < full.Columns.Count ? full.Cell(r, c) : r < full.Rows.Count ? full.RowTotals[r] : c < full.Columns.Count ? full.ColumnTotals[c] : full.Total;
                yield return (exact.Figures, Published(rowId, columnId, x => shown.Cell(x.R, x.C), i => shown.RowTotals[i], i => shown.ColumnTotals[i]));
            }
        }

        foreach (var point in full.Trend)
        {
            yield return (point.Entry.Figures, shown.Trend.FirstOrDefault(t => t.Month == point.Month)?.Entry.Figures ?? GapFigures.Zero);
        }
    }

    private static NeedFact Fact(int company, int category, int market, int month = 1) =>
        new(company, category, market, null, null, null, NeedStatus.Open, null, new DateTime(2026, month, 1, 0, 0, 0, DateTimeKind.Utc));

    private static GapReport Compute(IEnumerable<NeedFact> facts, int rows, int columns, bool transpose = false)
    {
        var categories = Enumerable.Range(1, rows).Select(i => new AxisTerm(i, $"Category {i}")).ToList();
        var markets = Enumerable.Range(1, columns).Select(i => new AxisTerm(i, $"Market {i}")).ToList();
        return transpose
            ? GapCalculator.Compute(new GapQuery(GapDimension.Market, GapDimension.Category, GapFilters.None), markets, categories, facts, NoOffers, keys: TestProtection.Instance)
            : GapCalculator.Compute(GapQuery.Default, categories, markets, facts, NoOffers, keys: TestProtection.Instance);
    }

    private static GapReport RandomReport(Random random)
    {
        var (rows, columns) = (random.Next(2, 9), random.Next(2, 11));
        return Compute(RandomFacts(random, rows, columns), rows, columns);
    }

    /// <summary>A sparse table: a few busy cells, many with one or two companies, companies spread over several cells.</summary>
    private static List<NeedFact> RandomFacts(Random random, int rows, int columns)
    {
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

        return facts;
    }
}
