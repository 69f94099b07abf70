using System.Diagnostics;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Testing.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MediconGlobal.Web.Tests.Privacy;

/// <summary>
/// Issue 18's attacker: a partner who requests the gap report in every dimension pair with no filter, every
/// single filter and every pair of filters the form offers, and combines everything by differencing and by
/// margins (<see cref="GapAttacker{TKey}"/>) to pin down a true count of one or two. The reports are computed
/// the way the page computes them — the partner's scope and filters in the database query
/// (<see cref="GapAnalysis.FactsAsync"/>), then the calculator and the protection — without HTTP, which
/// <see cref="PartnerHttpAttackTests"/> goes through for a representative set of pages and downloads.
/// </summary>
public sealed class PartnerAttackTests(AttackPortal attack, ITestOutputHelper output) : IClassFixture<AttackPortal>
{
    public static readonly IReadOnlyList<(GapDimension Rows, GapDimension Columns)> DimensionPairs =
        [.. GapDimensions.All.SelectMany((r, i) => GapDimensions.All.Skip(i + 1).Select(c => (r, c)))];

    [Fact]
    public async Task Partner_PinsDownNoCountOfOneOrTwo_FromEveryReportWithEverySingleFilterAndEveryPair_WhileProjectManagersSeeThemExactly()
    {
        var clock = Stopwatch.StartNew();
        var queries = attack.Filters.Queries;
        var splits = attack.Filters.Splits().ToList();
        var partitions = attack.Filters.Partitions().ToList();
        var protection = attack.Portal.Services.GetRequiredService<SmallCellProtection>();
        var facts = queries.Select(q => attack.Select(q.Filters)).ToArray();
        var (offers, terms) = await attack.WithAnalysisAsync(async (analysis, _) =>
        {
            // The needs selected in memory are the ones the page's query counts for the partner.
            for (var q = 0; q < queries.Count; q += queries[q].Description.Contains('&', StringComparison.Ordinal) ? 37 : 1)
            {
                Assert.Equal(Sorted(await analysis.FactsAsync(queries[q].Filters, attack.PartnerViewer)), Sorted(facts[q]));
            }

            var axes = new Dictionary<GapDimension, IReadOnlyList<AxisTerm>>();
            foreach (var dimension in GapDimensions.All)
            {
                axes[dimension] = await analysis.AxisTermsAsync(dimension);
            }

            return (await analysis.OffersAsync(), axes);
        });
        var loadedAt = clock.Elapsed;
        var allMonths = facts.SelectMany(f => f).Select(f => f.Month).ToList();
        var months = Enumerable.Range(allMonths.Min(), allMonths.Max() - allMonths.Min() + 1).Select(NeedFact.StartOf).ToList();

        var results = new List<AttackResult>();
        foreach (var (rows, columns) in DimensionPairs)
        {
            var attackers = Enum.GetValues<AttackedMeasure>()
                .Select(m => new GapAttacker<Population>(Axis(terms[rows]), Axis(terms[columns]), months, SplitsCompanies(rows), SplitsCompanies(columns), m))
                .ToList();
            for (var q = 0; q < queries.Count; q++)
            {
                var full = GapCalculator.Compute(new GapQuery(rows, columns, queries[q].Filters), terms[rows], terms[columns], facts[q], offers, keys: protection);
                var shown = GapProtection.Apply(full, protection);
                var (laidShown, laidFull) = (attackers[0].Lay(shown), attackers[0].Lay(full));
                attackers.ForEach(a => a.Observe(queries[q].Key, laidShown, laidFull));
            }

            var found = new AttackResult[attackers.Count];
            Parallel.For(0, attackers.Count, i =>
            {
                foreach (var (whole, parts, companiesAdd) in partitions)
                {
                    attackers[i].Partition(whole, parts, companiesAdd);
                }

                foreach (var (whole, part, rest) in splits)
                {
                    attackers[i].Split(whole, part, rest, companiesAdd: false);
                }

                found[i] = attackers[i].Run();
            });
            results.AddRange(found);
            output.WriteLine($"{rows} × {columns}: {AttackResult.Combine(found)}");
        }

        var result = AttackResult.Combine(results);
        output.WriteLine($"{queries.Count} filter combinations × {DimensionPairs.Count} dimension pairs, {splits.Count} differences, {partitions.Count} partitions; loaded in {loadedAt.TotalSeconds:0.0} s, attacked in {(clock.Elapsed - loadedAt).TotalSeconds:0.0} s");
        output.WriteLine(result.ToString());
        Assert.True(result.SmallTargets > 20_000, $"Only {result.SmallTargets} counts of one or two were attacked: the data should be full of small cells.");
        Assert.True(result.Recoveries.Count == 0, "Recovered: " + string.Join("; ", result.Recoveries.Take(10)));
        Assert.InRange(result.NarrowestSmallRange, 2, int.MaxValue);

        // The same reports on a project manager's screen are exact, small counts included.
        var smallShownExactly = await attack.WithAnalysisAsync(async (analysis, _) =>
        {
            var small = 0;
            foreach (var (_, filters, _) in queries.Take(80))
            {
                var query = new GapQuery(GapDimension.Category, GapDimension.Market, filters);
                var screen = await analysis.ComputeAsync(query, attack.ProjectManagerViewer, GapAnalysis.ScreenView(attack.ProjectManagerViewer));
                var exact = GapCalculator.Compute(query, terms[query.Rows], terms[query.Columns], attack.Select(filters), offers);
                Assert.Equal(GapView.Full, screen.View);
                Assert.Equal(exact.Cells.SelectMany(r => r).Select(e => e.Figures), screen.Cells.SelectMany(r => r).Select(e => e.Figures));
                Assert.Equal(exact.Trend.Select(t => t.Entry.Figures), screen.Trend.Select(t => t.Entry.Figures));
                small += screen.Cells.SelectMany(r => r).Count(e => e.Figures.Companies is 1 or 2);
            }

            return small;
        });
        Assert.True(smallShownExactly > 100, "Project managers should see the cells of one or two companies as they are.");
    }

    private static List<NeedFact> Sorted(IEnumerable<NeedFact> facts) => [.. facts.OrderBy(f => (f.CompanyId, f.CategoryId, f.MarketId, f.Month, f.Outcome))];

    private static List<int?> Axis(IReadOnlyList<AxisTerm> terms) => [.. terms.Select(t => (int?)t.Id), null];

    private static bool SplitsCompanies(GapDimension dimension) => dimension is GapDimension.Stage or GapDimension.Sector or GapDimension.Region;
}
