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
public class EnableAuthenticatorModel(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<EnableAuthenticatorModel> logger) : PageModel
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
            // The first key is stored without UserManager.ResetAuthenticatorKeyAsync, which also changes the security
            // stamp and so would end the person's sessions on every other device merely for opening this page (a GET a
            // link on another site can make). A key nobody has confirmed grants nothing: turning two-factor on (POST,
            // SetTwoFactorEnabledAsync) and resetting a key in use (ResetAuthenticator) change the stamp.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"The authenticator key of user {user.Id} could not be saved: {string.Join("; ", saved.Errors.Select(e => e.Code))}");
            }
        }

        SharedKey = AuthenticatorSetup.Readable(key);
        QrCode = AuthenticatorSetup.QrCodeDataUri(AuthenticatorSetup.Uri(user.Email ?? user.Id, key));
    }
}
