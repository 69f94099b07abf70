using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
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
/// Choosing a new password from the link in the reset e-mail. A completed reset also confirms the address (only
/// its owner could open the link), so an account that was never confirmed is recovered too (issue 10 item 13).
/// </summary>
[AllowAnonymous]
public class ResetPasswordModel(AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>True when the page was opened without a usable code (a cut-off or hand-made link).</summary>
    public bool LinkIsBroken { get; private set; }

    public IActionResult OnGet(string? code = null, string? email = null)
    {
        Input = new ResetPasswordInput { Code = code ?? "", Email = email ?? "" };
        return AccountMail.Decode(code) is null ? BrokenLink() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountMail.Decode(Input.Code) is not { } token)
        {
            return BrokenLink();
        }

        if (!this.IsValid(new ResetPasswordInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        // An unknown address gets the same answer as a reset, so the form tells nobody which addresses have accounts.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is not { } user)
        {
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : $"{nameof(Input)}.{nameof(Input.Password)}";
                ModelState.AddModelError(field, error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? t["This link has expired or has already been used. Ask for a new one."]
                    : error.Description);
            }

            return Page();
        }

        // The link proved the address, as a confirmation link would: confirm it, and create a founder's company (ADR 1216).
        if (!user.EmailConfirmed || user.PendingCompanyName is not null)
        {
            await FounderRegistration.ClaimPendingCompanyAsync(db, user, HttpContext.RequestAborted);
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        logger.LogInformation("User {UserId} reset their password", user.Id);
        return RedirectToPage("./ResetPasswordConfirmation");
    }

    private PageResult BrokenLink()
    {
        LinkIsBroken = true;
        ModelState.AddModelError(string.Empty, t["This link is not complete. Open the link from the e-mail again, or ask for a new one."]);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}

public sealed class ResetPasswordInput : INewPasswordInput
{
    public string Code { get; set; } = "";

    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(i => i.Email).ValidEmail(t);
        RuleFor(i => i.Password).NewPassword(t);
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage(t["The two passwords do not match."]);
    }
}
