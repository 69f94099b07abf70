using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Two-factor authentication: whether it is on, how many recovery codes are left, and the ways to set it up, renew or turn it off.</summary>
public class TwoFactorAuthenticationModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool IsEnabled { get; private set; }

    public bool HasAuthenticator { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool IsBrowserRemembered { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        HasAuthenticator = !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        IsBrowserRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
        return Page();
    }

    /// <summary>Asks for the code again in this browser at the next sign-in.</summary>
    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        if (await users.GetUserAsync(User) is null)
        {
            return NotFound();
        }

        await signIn.ForgetTwoFactorClientAsync();
        TempData["Message"] = t["This browser will ask for a code again at your next sign-in."].Value;
        return RedirectToPage();
    }
}
