using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Time;
using MediconGlobal.Testing;
using MediconGlobal.Testing.Privacy;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// The gap report's "searched, found nothing" layer (ADR 1779): on both databases each figure equals a count of the
/// recorded searches, within the period, region and sector filters; published, no figure is 1 or 2 and a partner who
/// collects the layer under every filter cannot pin down a count of one or two searches (<see cref="GapAttacker{TKey}"/>).
/// </summary>
public sealed class SearchedNothingTests(ITestOutputHelper output)
{
    private static readonly DisplayTime Stockholm = DisplayTime.For("Europe/Stockholm");

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EveryFigure_EqualsACountOfTheRecordedSearches_WithinThePeriodRegionAndSector(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var random = new Random(1779);
        int?[] categories, markets, regions, sectors;
        await using (var db = database.CreateContext())
        {
            int?[] Of(TaxonomyKind kind, int take) => [null, .. db.TaxonomyTerms.Where(t => t.Kind == kind).OrderBy(t => t.Id).Take(take).Select(t => (int?)t.Id)];
            (categories, markets, regions, sectors) = (Of(TaxonomyKind.SupportCategory, 4), Of(TaxonomyKind.Market, 4), Of(TaxonomyKind.Region, 3), Of(TaxonomyKind.Sector, 3));
            for (var day = 0; day < 3; day++)
            {
                database.Clock.Now = new DateTimeOffset(2027, 1, 10 + day, 10, 0, 0, TimeSpan.Zero);
                var log = new EmptySearchLog(db, database.Clock, Stockholm);
                for (var i = 0; i < 60; i++)
                {
                    T Pick<T>(T[] values) => values[random.Next(values.Length)];
                    var search = new EmptySearch(Pick(new[] { EmptySearchSource.Catalogue, EmptySearchSource.GuidedPath }), Pick(categories), Pick(markets), null, Pick(sectors), Pick(regions), Pick(new string?[] { null, "space law", "ce marking" }));
                    if (search.IsWorthRecording)
                    {
                        await log.RecordAsync(search);
                    }
                }
            }
        }

        await using var check = database.CreateContext();
        var rowTerms = categories.OfType<int>().Select(id => new AxisTerm(id, $"c{id}")).ToList();
        var columnTerms = markets.OfType<int>().Select(id => new AxisTerm(id, $"m{id}")).ToList();
        foreach (var filters in new[] { GapFilters.None, new GapFilters(From: new DateOnly(2027, 1, 11)), new GapFilters(To: new DateOnly(2027, 1, 11), RegionId: regions[1]), new GapFilters(SectorId: sectors[2]) })
        {
            var query = new GapQuery(GapDimension.Category, GapDimension.Market, filters);
            var layer = SearchedNothing.Compute(query, rowTerms, columnTerms, await SearchedNothing.LoadAsync(check, filters));
            var within = SearchedNothing.Within(check.EmptySearchTallies, filters);
            Assert.Equal(await within.SumAsync(t => t.Count), layer.Total);
            foreach (var category in categories)
            {
                foreach (var market in markets)
                {
                    var counted = await within.Where(t => t.CategoryId == category && t.MarketId == market).SumAsync(t => (int?)t.Count) ?? 0;
                    Assert.Equal(counted, layer.CellFor(category, market));
                }

                var row = layer.Rows.ToList().FindIndex(r => r.Id == category);
                Assert.Equal(await within.Where(t => t.CategoryId == category).SumAsync(t => (int?)t.Count) ?? 0, row < 0 ? 0 : layer.RowTotals[row]);
            }

            var phrases = await within.Where(t => t.Phrase != null).GroupBy(t => t.Phrase).Select(g => new { g.Key, Count = g.Sum(t => t.Count) }).ToListAsync();
            Assert.Equal(phrases.Where(p => p.Count >= SearchedNothing.PhraseThreshold).OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new PhraseCount(p.Key!, p.Count)), layer.Phrases);
        }

        Assert.Equal(0, SearchedNothing.Compute(GapQuery.Default, rowTerms, columnTerms, await SearchedNothing.LoadAsync(check, new GapFilters(From: new DateOnly(2027, 2, 1)))).Total);
        Assert.Empty(await SearchedNothing.LoadAsync(check, new GapFilters(CountryCode: "SE")));
        Assert.False(SearchedNothing.Applies(new GapFilters(HomeIncubatorId: 1)));
    }

    [Fact]
    public void Published_NoFigureIsOneOrTwo_EmptyRowsAndColumnsAreLeftOut_AndSameSearchesGiveTheSameFigure()
    {
        var (tallied, rows, columns) = RandomTallies(new Random(7), 60);
        var tallies = tallied.Select(t => t.Tally).ToList();
        var query = new GapQuery(GapDimension.Category, GapDimension.Market, GapFilters.None);

        var exact = SearchedNothing.Compute(query, rows, columns, tallies);
        var shown = SearchedNothing.Compute(query, rows, columns, tallies, TestProtection.Instance);

        Assert.Equal(GapView.Protected, shown.View);
        var all = shown.Cells.SelectMany(r => r).Concat(shown.RowTotals).Concat(shown.ColumnTotals).Append(shown.Total).ToList();
        Assert.DoesNotContain(all, v => v is 1 or 2);
        Assert.All(shown.RowTotals.Select((total, r) => total > 0 || shown.Cells[r].Any(v => v > 0)), kept => Assert.True(kept));
        Assert.Contains(exact.Cells.SelectMany(r => r), v => v is 1 or 2);
        Assert.InRange(shown.Total - exact.Total, -4, 4);
        var again = SearchedNothing.Compute(query, rows, columns, [.. Enumerable.Reverse(tallies)], TestProtection.Instance);
        Assert.Equal(shown.Cells.SelectMany(r => r).Append(shown.Total), again.Cells.SelectMany(r => r).Append(again.Total));
        Assert.Equal(shown.Phrases, again.Phrases);
        Assert.All(shown.Phrases, p => Assert.True(p.Count >= 3));
    }

    [Fact]
    public void Partner_PinsDownNoCountOfOneOrTwoSearches_FromTheLayerUnderEveryFilterAndPeriod()
    {
        var results = new List<AttackResult>();
        for (var seed = 1; seed <= 12; seed++)
        {
            results.AddRange(Attack(seed));
        }

        var combined = AttackResult.Combine(results);
        output.WriteLine(combined.ToString());
        Assert.True(combined.SmallTargets > 1000, $"Only {combined.SmallTargets} counts of one or two were attacked: the data should be full of small cells.");
        Assert.True(combined.Recoveries.Count == 0, "Recovered: " + string.Join("; ", combined.Recoveries.Take(10)));
        Assert.InRange(combined.NarrowestSmallRange, 2, int.MaxValue);
    }

    /// <summary>One partner's attack on 150 random tallies (a sparse month of searches), for every pair of four dimensions.</summary>
    private List<AttackResult> Attack(int seed)
    {
        var (tallies, rowTerms, columnTerms) = RandomTallies(new Random(seed), 150);
        var regions = new int?[] { 41, 42, 43, 44 };
        var sectors = new int?[] { 31, 32, 33 };
        var days = tallies.Select(t => t.Day).Distinct().Order().ToList();
        var middle = days[days.Count / 2];

        // What the partner can ask for: the whole, each region, each sector, and the period before and from a day.
        var populations = new Dictionary<string, Func<Tallied, bool>> { ["all"] = _ => true, ["before"] = t => t.Day < middle, ["from"] = t => t.Day >= middle };
        foreach (var region in regions)
        {
            populations[$"region {region}"] = t => t.Tally.RegionId == region;
        }

        foreach (var sector in sectors)
        {
            populations[$"sector {sector}"] = t => t.Tally.SectorId == sector;
        }

        var results = new List<AttackResult>();
        var dimensions = new[] { GapDimension.Category, GapDimension.Market, GapDimension.Region, GapDimension.Sector };
        foreach (var (rows, columns) in dimensions.SelectMany((r, i) => dimensions.Skip(i + 1).Select(c => (r, c))))
        {
            var query = new GapQuery(rows, columns, GapFilters.None);
            var attacker = new GapAttacker<string>(AxisOf(rows), AxisOf(columns), [Month], rowsSplitCompanies: true, columnsSplitCompanies: true, AttackedMeasure.Companies);
            foreach (var (name, within) in populations)
            {
                var selected = tallies.Where(within).Select(t => t.Tally).ToList();
                var exact = SearchedNothing.Compute(query, TermsOf(rows), TermsOf(columns), selected);
                var shown = SearchedNothing.Compute(query, TermsOf(rows), TermsOf(columns), selected, TestProtection.Instance);
                attacker.Observe(name, AsReport(query, shown), AsReport(query, exact));
            }

            attacker.Partition("all", [.. regions.Select(r => $"region {r}"), "no region"], companiesAdd: true);
            attacker.Partition("all", [.. sectors.Select(s => $"sector {s}"), "no sector"], companiesAdd: true);
            attacker.Partition("all", ["before", "from"], companiesAdd: true);
            var result = attacker.Run();
            output.WriteLine($"seed {seed}, {rows} × {columns}: {result}");
            results.Add(result);
        }

        return results;

        IReadOnlyList<int?> AxisOf(GapDimension dimension) => [.. TermsOf(dimension).Select(t => (int?)t.Id), null];
        IReadOnlyList<AxisTerm> TermsOf(GapDimension dimension) => dimension switch
        {
            GapDimension.Category => rowTerms,
            GapDimension.Market => columnTerms,
            GapDimension.Region => [.. regions.Select(r => new AxisTerm(r!.Value, $"r{r}"))],
            GapDimension.Sector => [.. sectors.Select(s => new AxisTerm(s!.Value, $"s{s}"))],
            _ => throw GapDimensions.Unknown(dimension),
        };
    }

    /// <summary>The one "month" the attacker is given: the layer has no trend, so its total stands for it (no months would read as a total of 0).</summary>
    private static readonly DateOnly Month = new(2027, 1, 1);

    /// <summary>The layer laid out as a gap report whose companies and needs are the searches (each search is its own record).</summary>
    private static GapReport AsReport(GapQuery query, SearchedNothingLayer layer)
    {
        static GapEntry Entry(int searches) => new(new GapFigures(searches, searches, 0, 0, 0, 0, 0));
        return new GapReport(query, layer.View, layer.Rows, layer.Columns, layer.Cells.Select(r => (IReadOnlyList<GapEntry>)r.Select(Entry).ToList()).ToList(), layer.RowTotals.Select(Entry).ToList(), layer.ColumnTotals.Select(Entry).ToList(), Entry(layer.Total), [new TrendPoint(Month, Entry(layer.Total))]);
    }

    private sealed record Tallied(DateOnly Day, SearchTally Tally);

    /// <summary>Random tallies over 30 days, most of them one or two searches, over 6 categories, 6 markets, 4 regions and 3 sectors (or none).</summary>
    private static (List<Tallied> Tallies, List<AxisTerm> Categories, List<AxisTerm> Markets) RandomTallies(Random random, int count)
    {
        var categories = Enumerable.Range(1, 6).Select(id => new AxisTerm(id, $"c{id}")).ToList();
        var markets = Enumerable.Range(11, 6).Select(id => new AxisTerm(id, $"m{id}")).ToList();
        int? Maybe(int from, int values) => random.Next(values + 1) is var v && v == values ? null : from + v;
        var tallies = new Dictionary<string, Tallied>();
        while (tallies.Count < count)
        {
            var day = new DateOnly(2027, 1, 1).AddDays(random.Next(30));
            var search = new EmptySearch(EmptySearchSource.Catalogue, Maybe(1, 6), Maybe(11, 6), null, Maybe(31, 3), Maybe(41, 4), random.Next(4) == 0 ? $"phrase {random.Next(8)}" : null);
            var key = EmptySearchTally.KeyOf(day, search);
            var searches = random.Next(10) switch { < 5 => 1, < 8 => 2, < 9 => 3, _ => 4 + random.Next(8) };
            tallies.TryAdd(key, new Tallied(day, new SearchTally(key, search.CategoryId, search.MarketId, search.StageId, search.SectorId, search.RegionId, search.Phrase, searches)));
        }

        return ([.. tallies.Values], categories, markets);
    }
}
