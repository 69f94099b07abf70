using System.ComponentModel.DataAnnotations;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Setting up an authenticator app: scan the QR code (or type the key), then prove it works with a code. Only
/// then is two-factor authentication turned on, and the first recovery codes are shown once.
/// </summary>
public class EnableAuthenticatorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    /// <summary>How many recovery codes a person gets.</summary>
    public const int RecoveryCodeCount = 10;

    public string SharedKey { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    [BindProperty]
    [Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = TwoFactorCode.Normalise(Code);
        var valid = code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0
                ? t["Enter the six-digit code from your authenticator app."]
                : t["That code is not correct. Check that the app shows MediconGlobal and enter the code it shows now."]);
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);

        // Turning it on changes the security stamp, which ends every other session; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned on two-factor authentication", user.Id);
        if (await users.CountRecoveryCodesAsync(user) > 0)
        {
            TempData["Message"] = t["Two-factor authentication is on."].Value;
            return RedirectToPage("./TwoFactorAuthentication");
        }

        TempData[ShowRecoveryCodesModel.TempDataKey] = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToArray() ?? [];
        TempData["Message"] = t["Two-factor authentication is on."].Value;
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);

            // A new key changes the security stamp; renew this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = AuthenticatorSetup.Readable(key);
        QrCode = AuthenticatorSetup.QrCodeDataUri(AuthenticatorSetup.Uri(user.Email ?? user.Id, key));
    }
}
