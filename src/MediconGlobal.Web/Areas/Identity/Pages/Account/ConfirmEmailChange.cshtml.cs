using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Makes the new address the sign-in address once it is confirmed from the link sent to it. An address that
/// another account took meanwhile, or a wrong link, is a message (400), never an error page.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailChangeModel(AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool Changed { get; private set; }

    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? userId = null, string? email = null, string? code = null)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        var token = AccountMail.Decode(code);
        if (user is null || token is null || string.IsNullOrWhiteSpace(email))
        {
            return Answer(t["This link has expired, has already been used or is not complete. Ask for the change again."]);
        }

        IdentityResult result;
        try
        {
            // The user name is the address, so both change together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync();
            result = await users.ChangeEmailAsync(user, email, token);
            if (result.Succeeded)
            {
                result = await users.SetUserNameAsync(user, email);
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync();
            }
        }
        catch (DbUpdateException)
        {
            result = IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(email));
        }

        if (!result.Succeeded)
        {
            return Answer(result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? t["Another account already uses {0}. Your address has not changed.", email]
                : t["This link has expired, has already been used or is not complete. Ask for the change again."]);
        }

        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }

        Changed = true;
        Message = t["Your e-mail address is now {0}. Sign in with it from now on.", email];
        return Page();
    }

    private PageResult Answer(string message)
    {
        Message = message;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
