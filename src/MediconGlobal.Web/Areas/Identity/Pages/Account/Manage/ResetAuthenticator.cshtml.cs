using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new authenticator key, for moving to another app or phone: the old app stops working and two-factor authentication is off until the new one is set up.</summary>
public class ResetAuthenticatorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<ResetAuthenticatorModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} reset their authenticator key", user.Id);
        TempData["Message"] = t["Your old authenticator app no longer works. Set up the new one now to turn two-factor authentication on again."].Value;
        return RedirectToPage("./EnableAuthenticator");
    }
}
