using MediconGlobal.Core.Data;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Reports.Gaps.Snapshots;

[Authorize(Policy = Policies.ProjectManagement)]
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SnapshotRow> Snapshots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Snapshots = await db.GapSnapshots.AsNoTracking()
            .OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.Id)
            .Select(s => new SnapshotRow(s.Id, s.Title, s.Comment, s.Rows, s.Columns, s.SavedByName, s.SavedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record SnapshotRow(int Id, string Title, string? Comment, GapDimension Rows, GapDimension Columns, string SavedBy, DateTime SavedAt);
}
