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
/// and participants. Companies the viewer may not identify (the consent rule of referrals) are counted, not named;
/// who changed it last is shown as <see cref="ActorNames"/> allows.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public class DetailsModel(AppDbContext db, ActorNames actors) : PageModel
{
    public ActivityDetail Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await ActivityQueries.FindAsync(db, User.ToViewer(), id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        Activity = activity with { UpdatedBy = await actors.ForViewerAsync(User, activity.UpdatedBy, cancellationToken) };
        return Page();
    }
}
