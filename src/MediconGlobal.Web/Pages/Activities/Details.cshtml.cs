using MediconGlobal.Core.Data;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Pages.Activities;

/// <summary>
/// One activity for staff (issue 17 item 1): format, date, organiser, topic, markets and sectors, outcome counts
/// and participants. Companies the viewer may not identify (the consent rule of referrals) are counted, not named.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class DetailsModel(AppDbContext db) : PageModel
{
    public ActivityDetail Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await ActivityQueries.FindAsync(db, User.ToViewer(), id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        Activity = activity;
        return Page();
    }
}
