using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Partner;

public sealed record PartnerOrganisation(int Id, string Name);

public static class PartnerOrganisations
{
    /// <summary>
    /// The organisation a partner page works on: the one asked for (<c>?organisation=</c>, administrators may ask for
    /// any) or the viewer's own. Null when the viewer may not manage it; the scope is applied in the query.
    /// </summary>
    public static Task<PartnerOrganisation?> ResolveAsync(AppDbContext db, Viewer viewer, int? requested, CancellationToken cancellationToken) =>
        (requested ?? viewer.OrganisationId) is not { } id
            ? Task.FromResult<PartnerOrganisation?>(null)
            : db.Organisations.AsNoTracking().ManageableBy(viewer).Where(o => o.Id == id)
                .Select(o => new PartnerOrganisation(o.Id, o.Name)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The <c>organisation</c> route value of links between partner pages: the organisation's id for administrators
    /// working on another organisation than their own, else null (no <c>?organisation=</c> in the address).
    /// </summary>
    public static int? RouteValue(Viewer viewer, int organisationId) =>
        viewer.ManagesEverything() && viewer.OrganisationId != organisationId ? organisationId : null;
}
