using System.ComponentModel.DataAnnotations;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second sign-in step for people with two-factor authentication: the six-digit code of their authenticator
/// app. Opened without a first step (no password given in this browser, or it timed out) it sends the person
/// back to sign in instead of failing (issue 11 item 5).
/// </summary>
[AllowAnonymous]
public class LoginWith2faModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    [Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    /// <summary>Skip the code in this browser for a while (Identity's "remember this machine" cookie).</summary>
    [BindProperty]
    [Display(Name = "Do not ask for a code in this browser for 14 days")]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        // A value the form could not read is shown as such, and no code is tried (a try counts towards lockout).
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = TwoFactorCode.Normalise(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), t["Enter the six-digit code from your authenticator app."]);
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with a second factor");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? t["Too many wrong codes: the account is locked for a while. Try again later."]
            : t["That code is not correct. Codes change every 30 seconds; enter the one your app shows now."]);
        return Page();
    }

    private RedirectToPageResult SignInAgain()
    {
        TempData["Message"] = t["Please sign in with your password first."].Value;
        return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
    }
}
