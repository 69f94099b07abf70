using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Organisations;

/// <summary>An organisation's profile: what it does, its offers, programmes, expertise and contacts.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue) : PageModel
{
    public OrganisationProfile Organisation { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationDirectory.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        CanManage = User.ToViewer().CanManage(id);
        return Page();
    }
}
