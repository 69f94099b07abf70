using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Reports.Gaps.Snapshots;

[Authorize(Policy = Policies.ProjectManagement)]
public class DetailsModel(AppDbContext db) : PageModel
{
    public GapSnapshot Snapshot { get; private set; } = null!;

    public GapReport Report { get; private set; } = null!;

    public IReadOnlyList<KeyValuePair<string, string>> FiltersInWords { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var snapshot = await db.GapSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        Report = snapshot.Report();
        FiltersInWords = await new GapAnalysis(db).DescribeAsync(Report.Query, cancellationToken);
        return Page();
    }
}
