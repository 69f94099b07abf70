using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Runs gap reports against the database: one projection of the filtered needs, the published offer profiles
/// and the taxonomy terms of the two axes, then <see cref="GapCalculator"/> in memory. Who sees what:
/// project managers and administrators count every company and see full numbers; advisors count their own
/// organisation's clients and see full numbers; partner staff count every company but only ever get the
/// suppressed view. Exports are always suppressed.
/// </summary>
public sealed partial class GapAnalysis(AppDbContext db)
{
    private OfferCoverageIndex? _offers;

    /// <summary>The view a viewer gets on screen; project managers and administrators may ask for the suppressed one.</summary>
    public static GapView ScreenView(Viewer viewer, bool previewSuppressed = false) =>
        viewer.SeesEverything ? (previewSuppressed ? GapView.Suppressed : GapView.Full)
        : viewer.IsInRole(Roles.Advisor) ? GapView.Full
        : GapView.Suppressed;

    /// <summary>Whether the viewer may see the individual needs behind a cell (always within their scope).</summary>
    public static bool MayListNeeds(Viewer viewer) => viewer.SeesEverything || viewer.IsInRole(Roles.Advisor);

    /// <summary>The companies whose needs a viewer's report counts.</summary>
    public static IQueryable<Company> CompaniesCounted(IQueryable<Company> companies, Viewer viewer) =>
        CountsEveryCompany(viewer) ? companies
        : viewer.IsInRole(Roles.Advisor) ? companies.VisibleTo(viewer)
        : companies.Where(_ => false);

    /// <summary>Project managers, administrators and partner staff (who only get suppressed figures) count every company.</summary>
    public static bool CountsEveryCompany(Viewer viewer) =>
        viewer.SeesEverything || (viewer.IsInRole(Roles.PartnerStaff) && !viewer.IsInRole(Roles.Advisor));

    /// <summary>The report in the given view, with the numbers the viewer's scope allows.</summary>
    public async Task<GapReport> ComputeAsync(GapQuery query, Viewer viewer, GapView view, CancellationToken cancellationToken = default)
    {
        var full = await ComputeFullAsync(query, viewer, cancellationToken);
        return view == GapView.Suppressed ? GapSuppression.Apply(full) : full;
    }

    public async Task<GapReport> ComputeFullAsync(GapQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (query.Rows == query.Columns)
        {
            throw new ArgumentException("A gap report needs two different dimensions.", nameof(query));
        }

        var facts = await Facts(Needs(query.Filters, viewer)).ToListAsync(cancellationToken);
        var offers = await OffersAsync(cancellationToken);
        var rowTerms = await AxisTermsAsync(query.Rows, cancellationToken);
        var columnTerms = await AxisTermsAsync(query.Columns, cancellationToken);
        return GapCalculator.Compute(query, rowTerms, columnTerms, facts, offers);
    }

    /// <summary>The needs a report counts: the viewer's companies, the filters applied.</summary>
    public IQueryable<Need> Needs(GapFilters filters, Viewer viewer)
    {
        var statuses = filters.EffectiveStatuses.ToList();
        var needs = db.Needs.AsNoTracking().Where(n => statuses.Contains(n.Status));
        if (!CountsEveryCompany(viewer))
        {
            var companies = CompaniesCounted(db.Companies, viewer);
            needs = needs.Where(n => companies.Any(c => c.Id == n.CompanyId));
        }

        if (filters.CountryCode is { Length: > 0 } country)
        {
            needs = needs.Where(n => n.Company!.CountryCode == country);
        }

        if (filters.RegionId is { } region)
        {
            needs = needs.Where(n => n.Company!.RegionId == region);
        }

        if (filters.HomeIncubatorId is { } incubator)
        {
            needs = needs.Where(n => n.Company!.HomeIncubatorId == incubator);
        }

        if (filters.SectorId is { } sector)
        {
            needs = needs.Where(n => n.Company!.SectorId == sector);
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

    /// <summary>The needs of one cell: both dimensions at the given values (null: not specified).</summary>
    public static IQueryable<Need> InCell(IQueryable<Need> needs, GapDimension dimension, int? value) => dimension switch
    {
        GapDimension.Category => needs.Where(n => n.CategoryId == value),
        GapDimension.Market => value is null ? needs.Where(n => n.MarketId == null) : needs.Where(n => n.MarketId == value),
        GapDimension.Stage => value is null ? needs.Where(n => n.Company!.StageId == null) : needs.Where(n => n.Company!.StageId == value),
        GapDimension.Sector => value is null ? needs.Where(n => n.Company!.SectorId == null) : needs.Where(n => n.Company!.SectorId == value),
        _ => value is null ? needs.Where(n => n.Company!.RegionId == null) : needs.Where(n => n.Company!.RegionId == value),
    };

    public static IQueryable<NeedFact> Facts(IQueryable<Need> needs) =>
        needs.Select(n => new NeedFact(n.CompanyId, n.CategoryId, n.MarketId, n.Company!.StageId, n.Company.SectorId, n.Company.RegionId, n.Status, n.UnmetReason, n.LoggedAt));

    /// <summary>The published offers as bit sets of the matching rule, loaded once per instance.</summary>
    public async Task<OfferCoverageIndex> OffersAsync(CancellationToken cancellationToken = default)
    {
        if (_offers is null)
        {
            var rule = await OfferProfiles.LoadRuleAsync(db, cancellationToken);
            var profiles = await OfferProfiles.LoadAsync(db, cancellationToken: cancellationToken);
            _offers = OfferCoverageIndex.Build(rule, profiles);
        }

        return _offers;
    }

    private async Task<IReadOnlyList<AxisTerm>> AxisTermsAsync(GapDimension dimension, CancellationToken cancellationToken)
    {
        var kind = dimension.TaxonomyKind();
        return await db.TaxonomyTerms.AsNoTracking().Where(t => t.Kind == kind)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new AxisTerm(t.Id, t.Name, t.IsAgnostic))
            .ToListAsync(cancellationToken);
    }
}
