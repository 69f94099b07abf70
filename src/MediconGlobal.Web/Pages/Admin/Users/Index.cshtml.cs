using MediconGlobal.Core.Data;
using MediconGlobal.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administration)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                Organisation = u.Organisation != null ? u.Organisation.Name : null,
                Company = u.Company != null ? u.Company.Name : null,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        Users = rows.Select(u => new UserRow(u.Email ?? "", u.DisplayName, string.Join(", ", u.Roles), u.Organisation ?? u.Company, u.LockoutEnd > now)).ToList();
    }

    public sealed record UserRow(string Email, string DisplayName, string Roles, string? BelongsTo, bool LockedOut);
}
