using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Dashboard;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Web.Infrastructure.Localisation;
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
    /// <summary>
    /// The funnel of <paramref name="filter"/> from the kept facts; organisation names in the language's order. The
    /// categories and regions to choose from come from <paramref name="terms"/>, the catalogue's terms the page names
    /// them with (read once per request, <see cref="TermNames"/>), in the taxonomy's order: sort order, then name.
    /// </summary>
    public static async Task<ReferralFunnelSection> LoadAsync(AppDbContext db, ReferralFunnelCache cache, TermCatalog terms, FunnelFilter filter, ReadModelAge age, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var funnel = await ReferralFunnel.LoadAsync(db, cache, filter, age, cancellationToken);
        var ids = funnel.OrganisationIds.ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .OrderByName(o => o.Name, db)
            .Select(o => new FilterOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return new ReferralFunnelSection(funnel, filter, ChoicesOf(terms, TaxonomyKind.SupportCategory), ChoicesOf(terms, TaxonomyKind.Region), organisations);
    }

    private static FilterOption[] ChoicesOf(TermCatalog terms, TaxonomyKind kind) =>
        [.. terms.OfKind(kind).OrderBy(t => t.SortOrder).ThenBy(t => t.Name, NameOrder.Comparer()).Select(t => new FilterOption(t.Id, t.Name))];
}
