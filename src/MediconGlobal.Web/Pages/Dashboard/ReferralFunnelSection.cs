using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Reports.Gaps;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's referral funnel section (issue 19 item 8, ADR 1778): the funnel for the chosen category, company
/// region and receiving organisation, and the organisations to choose from (those that received referrals).
/// </summary>
/// <param name="Categories">The support categories to choose from, in the taxonomy's order.</param>
/// <param name="Regions">The company regions to choose from, in the taxonomy's order.</param>
public sealed record ReferralFunnelSection(ReferralFunnel Funnel, FunnelFilter Filter, IReadOnlyList<FilterOption> Categories, IReadOnlyList<FilterOption> Regions, IReadOnlyList<FilterOption> Organisations)
{
    /// <summary>The funnel of <paramref name="filter"/> from the kept facts; organisation names in the language's order.</summary>
    public static async Task<ReferralFunnelSection> LoadAsync(AppDbContext db, ReferralFunnelCache cache, FunnelFilter filter, ReadModelAge age, CancellationToken cancellationToken)
    {
        var funnel = await ReferralFunnel.LoadAsync(db, cache, filter, age, cancellationToken);
        var ids = funnel.OrganisationIds.ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .OrderByName(o => o.Name, db)
            .Select(o => new FilterOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Kind == TaxonomyKind.SupportCategory || t.Kind == TaxonomyKind.Region)
            .OrderBy(t => t.SortOrder).ThenByName(t => t.Name, db)
            .Select(t => new { t.Kind, Option = new FilterOption(t.Id, t.Name) })
            .ToListAsync(cancellationToken);
        return new ReferralFunnelSection(
            funnel,
            filter,
            [.. terms.Where(t => t.Kind == TaxonomyKind.SupportCategory).Select(t => t.Option)],
            [.. terms.Where(t => t.Kind == TaxonomyKind.Region).Select(t => t.Option)],
            organisations);
    }
}
