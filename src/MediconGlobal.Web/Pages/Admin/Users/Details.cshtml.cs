using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Auditing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Admin.Users;

/// <summary>
/// One account (issue 11 item 1): who they are and where they stand; change role and organisation; lock, unlock,
/// deactivate, reactivate; reset their second factor; send again or cancel a pending invitation; and the account's
/// history from the audit log. Every button posts the account's concurrency stamp, so a click made on an outdated
/// page changes nothing.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public class DetailsModel(AppDbContext db, UserAccounts accounts, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AccessInput Access { get; set; } = new();

    /// <summary>The account's concurrency stamp as the page showed it (the action buttons post it).</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    public ApplicationUser Account { get; private set; } = null!;

    public IReadOnlyList<string> AccountRoles { get; private set; } = [];

    public string? BelongsTo { get; private set; }

    public AccountStatus Status { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public bool IsOwnAccount => Account.Id == User.GetUserId();

    /// <summary>The pending invitation's link is too old to use; "send again" gives a new one.</summary>
    public bool InvitationHasExpired => Account.InvitationHasExpired(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Access = new AccessInput { Role = AccountRoles.Count > 0 ? AccountRoles[0] : "", OrganisationId = Account.OrganisationId, Stamp = Account.ConcurrencyStamp };
        Stamp = Account.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAccessAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsValid(new AccessInputValidator(UserAdministration.StaffRoles, Organisations.Select(o => o.Id).ToHashSet()).Validate(Access), nameof(Access)))
        {
            return Page();
        }

        if (Access.Stamp != Account.ConcurrencyStamp)
        {
            return Outdated($"{nameof(Access)}.{nameof(Access.Stamp)}");
        }

        return Done(await accounts.ChangeAccessAsync(Account, Access.Role, Access.OrganisationId!.Value, User.GetUserId()!, User.GetDisplayName(), cancellationToken), "Role and organisation saved.");
    }

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.LockAsync(Account, User.GetUserId()!, User.GetDisplayName()), "Locked. Their open sessions end now.", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.UnlockAsync(Account), "Unlocked.", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.DeactivateAsync(Account, User.GetUserId()!), "Deactivated. Their open sessions end now; what they did stays attributed to them.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.ReactivateAsync(Account), "Reactivated.", cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.ResetTwoFactorAsync(Account, User.GetDisplayName()), "Two-factor authentication is reset: they sign in with their password and can set up an authenticator again.", cancellationToken);

    public Task<IActionResult> OnPostResendInvitationAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => accounts.ResendInvitationAsync(Account, User.GetDisplayName(), cancellationToken), "Invitation sent again; the earlier link no longer works.", cancellationToken);

    public async Task<IActionResult> OnPostCancelInvitationAsync(string id, CancellationToken cancellationToken)
    {
        var result = await ActAsync(id, () => accounts.CancelInvitationAsync(Account), "Invitation cancelled.", cancellationToken);
        return result is RedirectToPageResult ? RedirectToPage("Index") : result;
    }

    /// <summary>A button: the posted stamp must be the account's, then the step runs and the page shows the result.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<Task<CommandResult>> step, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        return Stamp != Account.ConcurrencyStamp ? Outdated(string.Empty) : Done(await step(), message);
    }

    private IActionResult Done(CommandResult result, string message)
    {
        if (!result.IsDone)
        {
            ModelState.AddModelError(string.Empty, t[result.Message!].Value);
            return Page();
        }

        TempData["Message"] = t[message].Value;
        return RedirectToPage(new { id = Account.Id });
    }

    /// <summary>Someone changed the account after the page was opened: nothing changes, the page shows it as it is now.</summary>
    private PageResult Outdated(string key)
    {
        ModelState.AddModelError(key, t["Someone changed this account after you opened the page. Nothing was changed: the page now shows the account as it is. Try again if you still want to."].Value);
        ModelState.Remove($"{nameof(Access)}.{nameof(Access.Stamp)}");
        ModelState.Remove(nameof(Stamp));
        Access.Stamp = Stamp = Account.ConcurrencyStamp;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await db.Users.Include(u => u.Organisation).Include(u => u.Company).FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        AccountRoles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        BelongsTo = account.Organisation?.Name ?? account.Company?.Name;
        Status = UserAdministration.StatusOf(account.DeactivatedAt, account.IsInvitationPending, account.LockoutEnd, clock.GetUtcNow());
        Organisations = (await db.Organisations.AsNoTracking().OrderByName(o => o.Name, db).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        History = await new ChangeHistory(db).LoadUserAsync(id, cancellationToken);
        return true;
    }
}
