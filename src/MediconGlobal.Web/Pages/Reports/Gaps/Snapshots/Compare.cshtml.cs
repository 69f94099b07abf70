using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Reports.Gaps.Snapshots;

[Authorize(Policy = Policies.ProjectManagement)]
public class CompareModel(AppDbContext db) : PageModel
{
    public GapSnapshot? Before { get; private set; }

    public GapSnapshot? After { get; private set; }

    public IReadOnlyList<CellChange> Changes { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? a, int? b, CancellationToken cancellationToken)
    {
        if (a is null || b is null)
        {
            Problem = "Choose an earlier and a later snapshot."; // l10n
            return Page();
        }

        Before = await db.GapSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == a, cancellationToken);
        After = await db.GapSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == b, cancellationToken);
        if (Before is null || After is null)
        {
            return NotFound();
        }

        var (before, after) = (Before.Report(), After.Report());
        if (!GapComparison.CanCompare(before, after))
        {
            Problem = "These snapshots cross different dimensions; choose two with the same rows and columns."; // l10n
            return Page();
        }

        Changes = GapComparison.Compare(before, after)
            .OrderBy(c => c.Change switch { GapChange.Worse => 0, GapChange.Better => 1, GapChange.NewDemand => 2, GapChange.NoDemand => 3, _ => 4 })
            .ThenByDescending(c => Math.Abs((c.After.Coverage ?? 0) - (c.Before.Coverage ?? 0)))
            .ToList();
        return Page();
    }
}
