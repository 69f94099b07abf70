using System.ComponentModel.DataAnnotations;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>The second sign-in step with one of the single-use recovery codes, for someone without their authenticator app.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
{
    [BindProperty]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return SignInAgain();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), t["Enter one of your recovery codes."]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with a recovery code");
            TempData["Message"] = t["You used a recovery code; it will not work again. Set up your authenticator app again or make new codes under Your account → Two-factor authentication."].Value;
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? t["Too many wrong codes: the account is locked for a while. Try again later."]
            : t["That recovery code is not valid or was already used."]);
        return Page();
    }

    private RedirectToPageResult SignInAgain()
    {
        TempData["Message"] = t["Please sign in with your password first."].Value;
        return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
    }
}
