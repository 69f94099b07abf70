using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>
/// Everyone who can (or could, or is invited to) sign in, searchable by name or address and filtered by role,
/// organisation and status (issue 11 item 1). Each row leads to the account's own page.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Words of a name or e-mail address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public AccountStatus? Status { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A filter value the page did not offer (a made-up role, status or organisation) simply filters nothing.
        ModelState.Clear();
        Organisations = (await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        var query = db.Users.AsNoTracking();
        if (Organisation is { } organisationId)
        {
            query = query.Where(u => u.OrganisationId == organisationId);
        }

        if (Role is { Length: > 0 } role && Roles.All.Contains(role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var rows = await query
            .OrderByName(u => u.DisplayName, db).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                Organisation = u.Organisation != null ? u.Organisation.Name : null,
                Company = u.Company != null ? u.Company.Name : null,
                u.LockoutEnd,
                u.DeactivatedAt,
                u.InvitationSentAt,
                HasPassword = u.PasswordHash != null,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Text search and the lock-out time are compared here: a few hundred accounts, and neither SQLite's case
        // rules nor its DateTimeOffset handling match PostgreSQL's.
        var now = clock.GetUtcNow();
        var words = TextNormalizer.Normalize(Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Users = rows
            .Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.Roles.Where(r => r is not null).Select(r => r!).ToList(), u.Organisation ?? u.Company,
                UserAdministration.StatusOf(u.DeactivatedAt, u.InvitationSentAt is not null && !u.HasPassword, u.LockoutEnd, now)))
            .Where(u => Status is null || u.Status == Status)
            .Where(u => words.All(w => TextNormalizer.Normalize($"{u.DisplayName} {u.Email}").Contains(w, StringComparison.Ordinal)))
            .ToList();
    }

    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? BelongsTo, AccountStatus Status);
}
