using System.Diagnostics;
using System.Globalization;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Testing.Privacy;
using MediconGlobal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MediconGlobal.Web.Tests.Privacy;

/// <summary>
/// Issue 18's attacker: a partner who requests the gap report in every dimension pair with no filter, every
/// single filter and every pair of filters the form offers, and combines everything by differencing and by
/// margins (<see cref="GapAttacker{TKey}"/>) to pin down a true count of one or two. The reports are computed
/// the way the page computes them — the partner's scope and filters in the database query
/// (<see cref="GapAnalysis.FactsAsync"/>), then the calculator and the protection — without HTTP; the second
/// test goes through HTTP with a real sign-in for a representative set of pages and downloads.
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

    [Fact]
    public async Task OverHttp_PartnerPagesAndDownloadsHoldThePublishedFigures_ProjectManagersTheExactOnes_AndNothingIsRecovered()
    {
        var partner = await SignInAsync(attack.Partner.Email!);
        var manager = await SignInAsync(attack.ProjectManager.Email!);
        foreach (var path in new[] { "/dashboard", "/reports/gaps/snapshots" })
        {
            var refused = await partner.GetAsync(path);
            Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // A representative set: every dimension pair without filters, every kind of filter alone, the issue's
        // incubator differencing, and a few pairs.
        var queries = attack.Filters.Queries;
        var incubators = queries.Where(q => q.Description.StartsWith("incubator=", StringComparison.Ordinal) && !q.Description.Contains('&', StringComparison.Ordinal)).ToList();
        var sample = DimensionPairs.Select(d => (d.Rows, d.Columns, queries[0]))
            .Concat(queries.Where(q => !q.Description.Contains('&', StringComparison.Ordinal)).GroupBy(q => q.Description.Split('=')[0]).Select(g => (GapDimension.Category, GapDimension.Market, g.First())))
            .Concat(incubators.Select(q => (GapDimension.Category, GapDimension.Market, q)))
            .Concat(queries.Where(q => q.Description.Contains('&', StringComparison.Ordinal)).Where((_, i) => i % 211 == 0).Select(q => (GapDimension.Market, GapDimension.Region, q)))
            .ToList();
        var published = new Dictionary<(GapDimension, GapDimension, Population), (GapReport Shown, GapReport Exact)>();
        foreach (var (rows, columns, (key, filters, description)) in sample)
        {
            var query = new GapQuery(rows, columns, filters);
            var (shown, exact) = await attack.WithAnalysisAsync(async (analysis, _) =>
                (await analysis.ComputeAsync(query, attack.PartnerViewer, GapView.Protected), await analysis.ComputeFullAsync(query, attack.ProjectManagerViewer)));
            published[(rows, columns, key)] = (shown, exact);
            var link = QueryString(query);

            var page = await partner.GetPageAsync($"/reports/gaps?{link}&measure=Companies");
            Assert.NotNull(page.QuerySelector("#protected-notice"));
            Assert.Equal(Matrix(shown, f => f.Companies), ScreenMatrix(page));
            Assert.Equal(shown.Trend.Select(t => t.Entry.Figures.Needs.ToString(CultureInfo.InvariantCulture)), page.QuerySelectorAll("#gap-trend-table tbody tr td:first-of-type").Select(td => td.TextContent));
            Assert.Equal(CsvLines(shown), await CsvAsync(partner, link));

            var onScreen = await manager.GetPageAsync($"/reports/gaps?{link}&measure=Companies");
            Assert.Null(onScreen.QuerySelector("#protected-notice"));
            Assert.Equal(Matrix(exact, f => f.Companies), ScreenMatrix(onScreen));
            Assert.Equal(CsvLines(shown), await CsvAsync(manager, link)); // downloads are protected for everyone
        }

        // The partner drills into a cell that shows companies, and into one that has a company or two but shows none.
        var (everything, truth) = published[(GapDimension.Category, GapDimension.Market, queries[0].Key)];
        var (shownRow, shownColumn) = FirstCell(everything, f => f.Needs > 0);
        var drill = await partner.GetPageAsync($"/reports/gaps?row={everything.Rows[shownRow].Key}&col={everything.Columns[shownColumn].Key}");
        Assert.Equal(everything.Cell(shownRow, shownColumn).Figures.Needs.ToString(CultureInfo.InvariantCulture), drill.QuerySelector("#drill-down dd")!.TextContent);
        Assert.Null(drill.QuerySelector("#drill-down-needs"));
        var (smallRow, smallColumn) = FirstCell(truth, f => f.Companies is 1 or 2);
        var hidden = everything.Find(truth.Rows[smallRow].Id, truth.Columns[smallColumn].Id);
        if (hidden is null || everything.Cell(hidden.Value.Row, hidden.Value.Column).Figures.Needs == 0)
        {
            var empty = await partner.GetPageAsync($"/reports/gaps?row={truth.Rows[smallRow].Key}&col={truth.Columns[smallColumn].Key}");
            Assert.Null(empty.QuerySelector("#drill-down-offers"));
        }

        // The attack through the downloads: no filter against each incubator, cell by cell and by margins.
        foreach (var measure in Enum.GetValues<AttackedMeasure>())
        {
            var attacker = new GapAttacker<Population>([.. truth.Rows.Select(r => r.Id)], [.. truth.Columns.Select(c => c.Id)], [.. truth.Trend.Select(t => t.Month)], false, false, measure);
            foreach (var ((rows, columns, key), (shown, exact)) in published.Where(p => p.Key.Item1 == GapDimension.Category && p.Key.Item2 == GapDimension.Market))
            {
                attacker.Observe(key, shown, exact);
            }

            attacker.Partition(queries[0].Key, [.. incubators.Select(i => i.Key), queries[0].Key with { Incubators = 1 }], companiesAdd: true);
            Assert.Empty(attacker.Run().Recoveries);
        }

        // Scope: exact on the project managers' screen, protected in the download, and its margins give nothing away.
        var scopeCsv = (await (await manager.GetAsync("/reports/scope?handler=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var (scopeShown, scopeExact) = await attack.WithAnalysisAsync(async (_, db) =>
            (await ScopeQuery.LoadAsync(db, attack.ProjectManagerViewer, protection: attack.Portal.Services.GetRequiredService<SmallCellProtection>()), await ScopeQuery.LoadAsync(db, attack.ProjectManagerViewer)));
        await using (var expected = new StringWriter())
        {
            ScopeExport.WriteCsv(expected, scopeShown);
            Assert.Equal(expected.ToString(), scopeCsv);
        }

        // Partners see the scope page too, but only the protected figures, on screen and in the download.
        var partnerScope = await attack.WithAnalysisAsync(async (_, db) =>
            await ScopeQuery.LoadAsync(db, attack.PartnerViewer, protection: attack.Portal.Services.GetRequiredService<SmallCellProtection>()));
        await using (var expected = new StringWriter())
        {
            ScopeExport.WriteCsv(expected, partnerScope);
            Assert.Equal(expected.ToString(), (await (await partner.GetAsync("/reports/scope?handler=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        }

        var partnerScopePage = await partner.GetPageAsync("/reports/scope");
        Assert.Null(partnerScopePage.QuerySelector("#downloads-note"));
        Assert.Equal(partnerScope.ByRegion.Select(l => l.Companies.ToString(CultureInfo.InvariantCulture)), partnerScopePage.QuerySelectorAll("#by-region tbody tr").Select(r => r.QuerySelector("td")!.TextContent));

        var scopePage = await manager.GetPageAsync("/reports/scope");
        Assert.Equal(scopeExact.ByRegion.Select(l => l.Companies.ToString(CultureInfo.InvariantCulture)), scopePage.QuerySelectorAll("#by-region tbody tr").Select(r => r.QuerySelector("td")!.TextContent));
        var regions = await attack.WithAnalysisAsync(async (_, db) => await db.TaxonomyTerms.Where(t => t.Kind == TaxonomyKind.Region).Select(t => (int?)t.Id).ToListAsync());
        var scopeAttack = ScopeAttacker.Attack(scopeShown, scopeExact, [.. Enum.GetValues<OrganisationType>().Select(t => (int?)t), null], [.. regions, null]);
        Assert.Empty(scopeAttack.Recoveries);
    }

    /// <summary>
    /// The findings report (ADR 1742) gives a partner nothing the attacked reports do not: for every single filter
    /// and a spread of pairs (the report takes the gap report's filters from its address, whatever its form offers),
    /// every figure of the partner's version — category, market and stage totals, the top unmet cells, the scope
    /// ranking — equals the figure the protected gap and scope reports publish for the same filters, which the
    /// tests above attack; the page names no organisation the partner could not see anyway.
    /// </summary>
    [Fact]
    public async Task OverHttp_TheFindingsReportShowsAPartnerOnlyThePublishedFigures()
    {
        var partner = await SignInAsync(attack.Partner.Email!);
        var protection = attack.Portal.Services.GetRequiredService<SmallCellProtection>();
        var queries = attack.Filters.Queries;
        var sample = queries.Where(q => !q.Description.Contains('&', StringComparison.Ordinal))
            .Concat(queries.Where(q => q.Description.Contains('&', StringComparison.Ordinal)).Where((_, i) => i % 97 == 0))
            .ToList();
        var scope = await attack.WithAnalysisAsync(async (_, db) => await ScopeQuery.LoadAsync(db, attack.PartnerViewer, protection: protection));
        var compared = 0;
        foreach (var (_, filters, description) in sample)
        {
            var (byMarket, byStage) = await attack.WithAnalysisAsync(async (analysis, _) =>
                (await analysis.ComputeAsync(new GapQuery(GapDimension.Category, GapDimension.Market, filters), attack.PartnerViewer, GapView.Protected),
                 await analysis.ComputeAsync(new GapQuery(GapDimension.Category, GapDimension.Stage, filters), attack.PartnerViewer, GapView.Protected)));
            var link = QueryString(new GapQuery(GapDimension.Category, GapDimension.Market, filters));

            var page = await partner.GetPageAsync($"/reports/findings?{link}");

            Assert.True(page.QuerySelector("#protected-notice") is not null, description);
            Assert.Equal(Totals(byMarket.RowTotals), FindingsFigures(page, "Support by category", 1, 2, 3));
            Assert.Equal(Totals(byMarket.ColumnTotals), FindingsFigures(page, "Support by target market", 1, 2, 3));
            Assert.Equal(Totals(byStage.ColumnTotals), FindingsFigures(page, "Support by development stage", 1, 2, 3));
            Assert.Equal(
                byMarket.TopUnmet(10).Select(g => Numbers(g.Figures.Needs, g.Figures.Unmet, g.Figures.Offers)).ToList(),
                FindingsFigures(page, "Where the gaps are: the cells with the most unmet needs", 2, 3, 4));
            Assert.Equal(
                scope.Ranking.Select(r => Numbers(r.Line.Companies, r.Line.Needs, r.Line.Gaps)).ToList(),
                FindingsFigures(page, "Ranked scope: where the main project would help most", 2, 3, 4));
            Assert.Null(FindingsTable(page, "Brokers: who connects the others"));
            compared++;
        }

        Assert.True(compared > 10, $"Only {compared} findings reports were compared.");
    }

    private static List<string> Totals(IEnumerable<GapEntry> totals) =>
        [.. totals.Select(e => Numbers(e.Figures.Offers, e.Figures.Needs, e.Figures.Unmet))];

    private static string Numbers(params int[] values) => string.Join("|", values.Select(v => v.ToString("N0", CultureInfo.GetCultureInfo("en"))));

    private static AngleSharp.Dom.IElement? FindingsTable(AngleSharp.Html.Dom.IHtmlDocument page, string caption) =>
        page.QuerySelectorAll(".findings-table").FirstOrDefault(t => t.QuerySelector("h3")!.TextContent.Trim() == caption);

    /// <summary>The given columns (0 is the row's heading) of each row of the findings table with that caption, joined by "|".</summary>
    private static List<string> FindingsFigures(AngleSharp.Html.Dom.IHtmlDocument page, string caption, params int[] columns)
    {
        var table = FindingsTable(page, caption) ?? throw new Xunit.Sdk.XunitException($"No findings table “{caption}”.");
        return [.. table.QuerySelectorAll("tbody tr").Select(row => string.Join("|", columns.Select(c => row.Children[c].TextContent.Trim())))];
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = attack.Portal.CreatePortalClient();
        await client.SignInAsync(email, PortalFactory.Password);
        return client;
    }

    /// <summary>The report's query string, as the form writes it.</summary>
    private static string QueryString(GapQuery query)
    {
        var f = query.Filters;
        var pairs = new List<string> { $"rows={query.Rows}", $"cols={query.Columns}" };
        pairs.AddRange(new (string Name, object? Value)[] { ("country", f.CountryCode), ("region", f.RegionId), ("incubator", f.HomeIncubatorId), ("sector", f.SectorId), ("from", f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}"));
        pairs.AddRange((f.Statuses ?? []).Select(s => $"status={s}"));
        return string.Join('&', pairs);
    }

    /// <summary>The figure in every cell and total, row by row with the totals row last, as the matrix should print it.</summary>
    private static List<List<string>> Matrix(GapReport report, Func<GapFigures, int> figure) =>
        [.. report.Rows.Select((_, r) => report.Cells[r].Append(report.RowTotals[r]).Select(e => figure(e.Figures).ToString(CultureInfo.InvariantCulture)).ToList())
            .Append([.. report.ColumnTotals.Append(report.Total).Select(e => figure(e.Figures).ToString(CultureInfo.InvariantCulture))])];

    private static List<List<string>> ScreenMatrix(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#gap-matrix tbody tr, #gap-matrix tfoot tr").Select(row => row.QuerySelectorAll("td").Select(td => td.QuerySelector(".cell-value")!.TextContent.Trim()).ToList())];

    private static List<string> CsvLines(GapReport report)
    {
        using var writer = new StringWriter();
        GapExport.WriteCsv(writer, report);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }

    private static async Task<List<string>> CsvAsync(HttpClient client, string link) =>
        [.. (await client.GetStringAsync($"/reports/gaps/export?format=csv&{link}")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private static (int Row, int Column) FirstCell(GapReport report, Func<GapFigures, bool> where) =>
        Enumerable.Range(0, report.Rows.Count).SelectMany(r => Enumerable.Range(0, report.Columns.Count).Select(c => (r, c))).First(x => where(report.Cell(x.r, x.c).Figures));

    private static List<NeedFact> Sorted(IEnumerable<NeedFact> facts) => [.. facts.OrderBy(f => (f.CompanyId, f.CategoryId, f.MarketId, f.Month, f.Outcome))];

    private static List<int?> Axis(IReadOnlyList<AxisTerm> terms) => [.. terms.Select(t => (int?)t.Id), null];

    private static bool SplitsCompanies(GapDimension dimension) => dimension is GapDimension.Stage or GapDimension.Sector or GapDimension.Region;
}
