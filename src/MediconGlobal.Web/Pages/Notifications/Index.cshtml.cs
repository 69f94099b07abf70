using MediconGlobal.Core.Data;
using MediconGlobal.Core.Notifications;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Notifications;

/// <summary>
/// What changed since the user's last visit to this page, newest first, and what changed in the 30 days
/// before. Opening the page marks everything as seen.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public IReadOnlyList<Notification> New { get; private set; } = [];

    public IReadOnlyList<Notification> Earlier { get; private set; } = [];

    public DateTime? LastVisit { get; private set; }

    public bool IsFounder { get; private set; }

    /// <summary>Changes after the last visit count as new; a first visit looks back <see cref="Window"/>.</summary>
    public static DateTime Since(DateTime? seen, DateTime now) => seen is { } at && at > now - Window ? at : now - Window;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Forbid();
        }

        var viewer = User.ToViewer();
        IsFounder = viewer.IsInRole(Roles.Startup);
        var now = clock.GetUtcNow().UtcDateTime;
        LastVisit = user.NotificationsSeenAt;
        var all = await NotificationFeed.LoadAsync(db, viewer, now - Window, now, cancellationToken);
        var since = Since(LastVisit, now);
        New = all.Where(n => n.At > since).ToList();
        Earlier = all.Where(n => n.At <= since).ToList();

        user.NotificationsSeenAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
