using MediconGlobal.Core.Domain;

namespace MediconGlobal.Core.Security;

/// <summary>
/// What a viewer may manage in the catalogue: administrators every organisation, partner staff their own
/// organisation, everyone else nothing. Applied in queries, so another organisation's records are never loaded.
/// </summary>
public static class PartnerScopes
{
    public static bool ManagesEverything(this Viewer viewer) => viewer.IsInRole(Roles.Administrator);

    public static bool CanManage(this Viewer viewer, int organisationId) =>
        viewer.ManagesEverything() || (viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId == organisationId);

    public static IQueryable<Organisation> ManageableBy(this IQueryable<Organisation> organisations, Viewer viewer) =>
        viewer.ManagesEverything() ? organisations
        : viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId is { } own ? organisations.Where(o => o.Id == own)
        : organisations.Where(_ => false);

    public static IQueryable<Offer> ManageableBy(this IQueryable<Offer> offers, Viewer viewer) =>
        viewer.ManagesEverything() ? offers
        : viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId is { } own ? offers.Where(o => o.ProviderId == own)
        : offers.Where(_ => false);

    public static IQueryable<CorrectionRequest> ManageableBy(this IQueryable<CorrectionRequest> requests, Viewer viewer) =>
        viewer.ManagesEverything() ? requests
        : viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId is { } own ? requests.Where(r => r.OrganisationId == own)
        : requests.Where(_ => false);

    /// <summary>Offers a viewer may open: published ones for everybody, plus drafts and archived ones they manage.</summary>
    public static IQueryable<Offer> VisibleTo(this IQueryable<Offer> offers, Viewer viewer) =>
        viewer.ManagesEverything() ? offers
        : viewer.IsInRole(Roles.PartnerStaff) && viewer.OrganisationId is { } own ? offers.Where(Rules.Or(Offer.Published, o => o.ProviderId == own))
        : offers.Published();
}
