using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>One initiative: lead and partners, funding, dates, status, result indicators and lessons learned.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue) : PageModel
{
    public ProgrammeProfile Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeDirectory.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Programme = programme;
        return Page();
    }
}
