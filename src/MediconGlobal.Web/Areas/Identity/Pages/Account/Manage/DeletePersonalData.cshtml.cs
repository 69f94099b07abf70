using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Deleting one's own account after re-entering the password. The account, roles, advisor assignments and
/// shortlist go; needs, referrals, notes, consents and history stay with the organisation, attributed to
/// "deleted user" (<see cref="AccountDeletion"/>), and the page says so before and after.
/// </summary>
public class DeletePersonalDataModel(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> t,
    ILogger<DeletePersonalDataModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        if (RequirePassword && (string.IsNullOrEmpty(Input.Password) || !await users.CheckPasswordAsync(user, Input.Password)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", t["Enter your current password to delete your account."]);
            return Page();
        }

        var (userId, name, email) = (user.Id, user.DisplayName, user.Email);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
            {
                ModelState.AddModelError(string.Empty, t["Your account could not be deleted. Please try again, or ask an administrator."]);
                return Page();
            }

            await AccountDeletion.AnonymiseAsync(db, userId, name, email, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} deleted their account", userId);
        TempData["Message"] = t["Your account is deleted. What you recorded for client companies stays with them, attributed to “deleted user”."].Value;
        return RedirectToPage("/Index", new { area = "" });
    }

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }
}
