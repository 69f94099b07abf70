using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Programmes;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Programmes;

/// <summary>One initiative: lead and partners, funding, dates, status, result indicators, activities and lessons learned.</summary>
[AllowAnonymous]
public class DetailsModel(AppDbContext db, TimeProvider clock, CatalogueCache catalogue) : PageModel
{
    public ProgrammeProfile Programme { get; private set; } = null!;

    /// <summary>The programme's recorded activities (issue 17 item 1), newest first; no company is named in the list.</summary>
    public IReadOnlyList<ActivitySummary> Activities { get; private set; } = [];

    /// <summary>Project managers and administrators, and partner staff of the lead or a partner organisation.</summary>
    public bool MayRecordActivities { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeDirectory.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, catalogue, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Programme = programme;
        Activities = await ActivityQueries.ForProgrammeAsync(db, id, cancellationToken);
        MayRecordActivities = await db.Programmes.ActivitiesRecordableBy(User.ToViewer()).AnyAsync(p => p.Id == id, cancellationToken);
        return Page();
    }
}
