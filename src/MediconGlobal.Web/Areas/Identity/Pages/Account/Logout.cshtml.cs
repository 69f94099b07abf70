using MediconGlobal.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Signing out ends every session of the account, not only this browser's: the security stamp changes, so a copied
/// sign-in cookie is refused on its next request on any instance (issue 10, item 2; ADR 1003). A <c>returnUrl</c>
/// on another site goes to the home page (item 12).
/// </summary>
[AllowAnonymous]
public class LogoutModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = signIn.IsSignedIn(User);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await EndEverySessionAsync(user);
        }

        await signIn.SignOutAsync();

        // Pages seen while signed in leave the browser's cache too (OWASP ASVS 8.2.3).
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }

    private async Task EndEverySessionAsync(ApplicationUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            // Someone changed the account at the same moment (its concurrency stamp moved on): read it again, once.
            user = await users.FindByIdAsync(user.Id) ?? user;
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed out; every session of the account ended", user.Id);
        }
        else
        {
            logger.LogWarning("User {UserId} signed out, but other sessions could not be ended: {Errors}", user.Id, string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
