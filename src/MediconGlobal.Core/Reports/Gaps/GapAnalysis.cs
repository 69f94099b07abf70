using LinqKit;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Privacy;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Runs gap reports against the database: the counted companies' stage, sector and region and their needs
/// as small number rows (two queries, joined in memory), the published offers' index (kept between requests
/// by <see cref="CatalogueCache"/> when one is given) and the taxonomy terms of the two axes, then
/// <see cref="GapCalculator"/> in memory. Who sees what (<see cref="SmallCellProtection.SeesExactFigures"/>):
/// project managers and administrators count every company and see exact numbers; advisors count their own
/// organisation's clients and see exact numbers; partner staff count every company but only ever get the
/// protected view. Exports are always protected (<see cref="GapProtection"/>, ADR 1801).
/// </summary>
/// <param name="protection">Keys the counts so the report can be protected; without it only the full view can be computed.</param>
/// <param name="needFacts">
/// Given, a viewer who counts every company is counted from the needs kept between requests (ADR 1205) instead of
/// loading them per report; an advisor's own clients are still read from the database.
/// </param>
/// <param name="age">Notes when kept needs or a kept catalogue older than the data were served (ADR 1210).</param>
/// <param name="day">The day offers must be open on to count as supply (ADR 1934); without it, the catalogue cache's today, else today by the system clock.</param>
public sealed partial class GapAnalysis(AppDbContext db, CatalogueCache? catalogue = null, SmallCellProtection? protection = null, NeedFactsCache? needFacts = null, ReadModelAge? age = null, OfferDay? day = null)
{
    private OfferCoverageIndex? _offers;

    /// <summary>The view a viewer gets on screen; project managers and administrators may ask for the protected one.</summary>
    public static GapView ScreenView(Viewer viewer, bool previewProtected = false) =>
        !SmallCellProtection.SeesExactFigures(viewer) || (previewProtected && viewer.SeesEverything) ? GapView.Protected : GapView.Full;

    /// <summary>Whether the viewer may see the individual needs behind a cell (always within their scope).</summary>
    public static bool MayListNeeds(Viewer viewer) => viewer.SeesEverything || viewer.IsInRole(Roles.Advisor);

    /// <summary>The companies whose needs a viewer's report counts.</summary>
    public static IQueryable<Company> CompaniesCounted(IQueryable<Company> companies, Viewer viewer) =>
        CountsEveryCompany(viewer) ? companies
        : viewer.IsInRole(Roles.Advisor) ? companies.VisibleTo(viewer)
        : companies.Where(_ => false);

    /// <summary>Project managers, administrators and partner staff (who only get protected figures) count every company.</summary>
    public static bool CountsEveryCompany(Viewer viewer) =>
        viewer.SeesEverything || (viewer.IsInRole(Roles.PartnerStaff) && !viewer.IsInRole(Roles.Advisor));

    /// <summary>The report in the given view, with the numbers the viewer's scope allows.</summary>
    /// <exception cref="InvalidOperationException">The protected view is asked for without a <see cref="SmallCellProtection"/>.</exception>
    public async Task<GapReport> ComputeAsync(GapQuery query, Viewer viewer, GapView view, CancellationToken cancellationToken = default)
    {
        var full = await ComputeFullAsync(query, viewer, cancellationToken);
        return view == GapView.Protected ? Protect(full) : full;
    }

    public Task<GapReport> ComputeFullAsync(GapQuery query, Viewer viewer, CancellationToken cancellationToken = default) =>
        ComputeFullAsync(query, viewer, cellOffers: null, cancellationToken);

    /// <param name="cellOffers">Given the offers behind each cell, as the calculation finds them (the export lists them).</param>
    private async Task<GapReport> ComputeFullAsync(GapQuery query, Viewer viewer, Action<int, int, IEnumerable<int>>? cellOffers, CancellationToken cancellationToken)
    {
        if (query.Rows == query.Columns)
        {
            throw new ArgumentException("A gap report needs two different dimensions.", nameof(query));
        }

        if (cellOffers is null && needFacts is not null && catalogue is not null && CountsEveryCompany(viewer))
        {
            // Every viewer who counts every company gets the same full report: keep it per query and counters (ADR 1208).
            var kept = await needFacts.GetAsync(db, age, cancellationToken);
            var index = await catalogue.GetAsync(db, age, cancellationToken);
            _offers ??= index.Coverage;
            // A report older than the kept needs or catalogue is computed again in the background (ADR 1211), with a
            // context of its own: the closure holds the kept models, never this request's context.
            var keys = protection;
            return await needFacts.Reports.GetAsync(
                db,
                query,
                new ReportVersions(kept.Version, index.Version),
                keys is not null,
                (context, ct) => CalculateAsync(context, query, kept.Filter(query.Filters), index.Coverage, cellOffers: null, keys, ct),
                age,
                cancellationToken);
        }

        return await CalculateAsync(db, query, await FactsAsync(query.Filters, viewer, cancellationToken), await OffersAsync(cancellationToken), cellOffers, protection, cancellationToken);
    }

    private static async Task<GapReport> CalculateAsync(AppDbContext context, GapQuery query, NeedFact[] facts, OfferCoverageIndex offers, Action<int, int, IEnumerable<int>>? cellOffers, SmallCellProtection? keys, CancellationToken cancellationToken)
    {
        var rowTerms = await AxisTermsAsync(context, query.Rows, cancellationToken);
        var columnTerms = await AxisTermsAsync(context, query.Columns, cancellationToken);
        return GapCalculator.Compute(query, rowTerms, columnTerms, facts, offers, cellOffers, keys);
    }

    private GapReport Protect(GapReport full) =>
        GapProtection.Apply(full, protection ?? throw new InvalidOperationException("A protected report needs the portal's SmallCellProtection."));

    /// <summary>
    /// The needs a report counts, as facts: from the kept needs when there are some and the viewer counts every
    /// company, otherwise the companies counted (scope and company filters applied) with
    /// their stage, sector and region, and their needs with the outcome worked out by the database (the month
    /// is cheaper to take from the timestamp here than with SQLite's date functions). Two queries joined in
    /// memory, so the 200,000 needs of a large database are not joined row by row to their company; the needs
    /// query joins the companies only when the scope or a filter narrows them.
    /// </summary>
    public async Task<NeedFact[]> FactsAsync(GapFilters filters, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (needFacts is not null && CountsEveryCompany(viewer))
        {
            return (await needFacts.GetAsync(db, age, cancellationToken)).Filter(filters);
        }

        var companies = await Companies(filters, viewer)
            .Select(c => new { c.Id, c.StageId, c.SectorId, c.RegionId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var needs = await Needs(filters, viewer)
            .Select(n => new
            {
                n.CompanyId,
                n.CategoryId,
                n.MarketId,
                Outcome = n.Status == NeedStatus.Met ? (int)NeedOutcome.Met
                    : n.Status == NeedStatus.Unmet ? (n.UnmetReason == UnmetReason.NotEligible ? (int)NeedOutcome.UnmetNotEligible : (int)NeedOutcome.UnmetNotAvailable)
                    : (int)NeedOutcome.Open,
                n.LoggedAt,
            })
            .ToListAsync(cancellationToken);
        var facts = new List<NeedFact>(needs.Count);
        foreach (var need in needs)
        {
            // A company added between the two queries is left out with its needs: the report is one moment's.
            if (companies.TryGetValue(need.CompanyId, out var company))
            {
                facts.Add(new NeedFact(need.CompanyId, need.CategoryId, need.MarketId, company.StageId, company.SectorId, company.RegionId, (NeedOutcome)need.Outcome, NeedFact.MonthOf(need.LoggedAt.Year, need.LoggedAt.Month)));
            }
        }

        return [.. facts];
    }

    /// <summary>
    /// The needs a report counts with their company's country and incubator: from the kept needs when there are
    /// some and the viewer counts every company, otherwise from the database.
    /// </summary>
    public async Task<IReadOnlyList<KeptNeed>> KeptNeedsAsync(GapFilters filters, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (needFacts is not null && CountsEveryCompany(viewer))
        {
            return (await needFacts.GetAsync(db, age, cancellationToken)).Where(filters);
        }

        return await Needs(filters, viewer).AsExpandable()
            .Select(n => new KeptNeed(
                n.Id,
                new NeedFact(n.CompanyId, Need.ProfileOf.Invoke(n), n.Status, n.UnmetReason, n.LoggedAt),
                n.Status,
                n.LoggedAt,
                n.Company!.CountryCode,
                n.Company.HomeIncubatorId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The needs a report counts: the viewer's companies, the filters applied.</summary>
    public IQueryable<Need> Needs(GapFilters filters, Viewer viewer)
    {
        var statuses = filters.EffectiveStatuses.ToList();
        var needs = db.Needs.AsNoTracking().Where(n => statuses.Contains(n.Status));
        if (!CountsEveryCompany(viewer) || NarrowsCompanies(filters))
        {
            var companies = Companies(filters, viewer);
            needs = needs.Where(n => companies.Any(c => c.Id == n.CompanyId));
        }

        if (filters.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            needs = needs.Where(n => n.LoggedAt >= start);
        }

        if (filters.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            needs = needs.Where(n => n.LoggedAt < end);
        }

        return needs;
    }

    /// <summary>The companies a report counts: the viewer's, with the company filters (country, region, incubator, sector) applied.</summary>
    public IQueryable<Company> Companies(GapFilters filters, Viewer viewer)
    {
        var companies = CompaniesCounted(db.Companies.AsNoTracking(), viewer);
        if (filters.CountryCode is { Length: > 0 } country)
        {
            companies = companies.Where(c => c.CountryCode == country);
        }

        if (filters.RegionId is { } region)
        {
            companies = companies.Where(c => c.RegionId == region);
        }

        if (filters.HomeIncubatorId is { } incubator)
        {
            companies = companies.Where(c => c.HomeIncubatorId == incubator);
        }

        if (filters.SectorId is { } sector)
        {
            companies = companies.Where(c => c.SectorId == sector);
        }

        return companies;
    }

    /// <summary>The needs of one cell: both dimensions at the given values (null: not specified).</summary>
    public static IQueryable<Need> InCell(IQueryable<Need> needs, GapDimension dimension, int? value) => dimension switch
    {
        GapDimension.Category => needs.Where(n => n.CategoryId == value),
        GapDimension.Market => value is null ? needs.Where(n => n.MarketId == null) : needs.Where(n => n.MarketId == value),
        GapDimension.Stage => value is null ? needs.Where(n => n.Company!.StageId == null) : needs.Where(n => n.Company!.StageId == value),
        GapDimension.Sector => value is null ? needs.Where(n => n.Company!.SectorId == null) : needs.Where(n => n.Company!.SectorId == value),
        GapDimension.Region => value is null ? needs.Where(n => n.Company!.RegionId == null) : needs.Where(n => n.Company!.RegionId == value),
        _ => throw GapDimensions.Unknown(dimension),
    };

    /// <summary>The published offers as bit sets of the matching rule: from the cache when there is one, loaded once per instance.</summary>
    public async Task<OfferCoverageIndex> OffersAsync(CancellationToken cancellationToken = default) =>
        _offers ??= catalogue is null
            ? await OfferCoverageIndex.LoadAsync(db, day ?? new CatalogueCache().Today(), cancellationToken)
            : (await catalogue.GetAsync(db, age, cancellationToken)).Coverage;

    private static bool NarrowsCompanies(GapFilters filters) =>
        filters.CountryCode is { Length: > 0 } || filters.RegionId is not null || filters.HomeIncubatorId is not null || filters.SectorId is not null;

    /// <summary>The taxonomy terms a dimension's axis offers, in their order (agnostic ones only when a need uses them).</summary>
    public Task<IReadOnlyList<AxisTerm>> AxisTermsAsync(GapDimension dimension, CancellationToken cancellationToken = default) =>
        AxisTermsAsync(db, dimension, cancellationToken);

    private static async Task<IReadOnlyList<AxisTerm>> AxisTermsAsync(AppDbContext context, GapDimension dimension, CancellationToken cancellationToken)
    {
        var kind = dimension.TaxonomyKind();
        return await context.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == kind)
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, context)
            .Select(t => new AxisTerm(t.Id, t.Name, t.IsAgnostic))
            .ToListAsync(cancellationToken);
    }
}
