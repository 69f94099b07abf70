using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Organisations;

/// <summary>An organisation's profile: what it does, its offers, programmes, expertise and contacts.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue) : PageModel
{
    public OrganisationProfile Organisation { get; private set; } = null!;

    /// <summary>Activities the organisation organised or took part in (issue 17 item 1), newest first.</summary>
    public IReadOnlyList<ActivitySummary> Activities { get; private set; } = [];

    /// <summary>Partner staff of this organisation (and administrators): the partner area's profile page.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Project managers and administrators edit any organisation.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Staff see who changed the organisation and when.</summary>
    public bool SeesHistory { get; private set; }

    /// <summary>How fast the organisation answers referrals (issue 19 item 1): its own promise or the portal's default.</summary>
    public Core.Referrals.OrganisationPromise Promise { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationDirectory.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        if (organisation is null)
        {
            // The address of an organisation merged into another leads to the one it lives on in.
            var survivor = await db.OrganisationMerges.Where(m => m.MergedId == id).Select(m => (int?)m.SurvivorId).FirstOrDefaultAsync(cancellationToken);
            return survivor is { } survivorId ? RedirectToPage("Details", new { id = survivorId }) : NotFound();
        }

        Organisation = organisation;
        Activities = await ActivityQueries.ForOrganisationAsync(db, id, cancellationToken);
        Promise = (await Core.Referrals.ResponsePromises.OfOrganisationsAsync(db, [id], cancellationToken))[id];
        var viewer = User.ToViewer();
        CanManage = viewer.CanManage(id);
        CanEdit = viewer.SeesEverything;
        SeesHistory = viewer.UserId is not null && !viewer.IsInRole(Roles.Startup);
        return Page();
    }
}
