using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in. A wrong password, an unknown address and a locked account get the same message after the same work
/// (a password hash is checked in every case), so the form tells nobody which addresses have accounts (issue 10
/// item 7). Only after the right password does it say more: a second step for two-factor users, a fresh
/// confirmation link for an address not yet confirmed, or that the account was deactivated.
/// </summary>
[AllowAnonymous]
public class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AccountMail mail,
    SignInTiming timing,
    IStringLocalizer<SharedResource> t,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Set when the password was right but the address is not confirmed yet.</summary>
    public bool ConfirmationSent { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!this.IsValid(new LoginInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        }

        // Identity answers "not allowed" before it checks the password, so the password is checked here before
        // anything about the account is revealed.
        if (result.IsNotAllowed && user is not null && await users.CheckPasswordAsync(user, Input.Password))
        {
            if (user.DeactivatedAt is not null)
            {
                ModelState.AddModelError(string.Empty, t["This account has been deactivated. Ask an administrator of the portal if you need it again."]);
                return Page();
            }

            await mail.SendConfirmationAsync(user);
            ConfirmationSent = true;
            return Page();
        }

        if (user is null || result.IsLockedOut)
        {
            // The same hashing work a wrong password costs, so the time does not tell either.
            timing.SpendAWrongPasswordsWork(Input.Password);
        }
        else if (result.IsNotAllowed)
        {
            await users.AccessFailedAsync(user);
        }

        logger.LogInformation("Sign-in failed");
        ModelState.AddModelError(string.Empty, t["The e-mail address or password is not correct, or the account is locked for {0} minutes after {1} failed attempts.", (int)users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes, users.Options.Lockout.MaxFailedAccessAttempts]);
        return Page();
    }
}

public sealed class LoginInput
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(i => i.Email).ValidEmail(t);
        RuleFor(i => i.Password).NotEmpty().WithMessage(t["Enter your password."]);
    }
}
