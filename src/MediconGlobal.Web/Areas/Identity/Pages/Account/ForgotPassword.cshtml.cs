using System.ComponentModel.DataAnnotations;
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
/// "Forgot your password?": every account gets a reset link, confirmed address or not (issue 10 item 13), and
/// the answer is the same whether or not the address has an account (item 7).
/// </summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<ApplicationUser> users, AccountMail mail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet(string? email = null) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!this.IsValid(new EmailInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } user)
        {
            await mail.SendPasswordResetAsync(user);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}

/// <summary>A form that only asks for an e-mail address.</summary>
public sealed class EmailInput
{
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}

public sealed class EmailInputValidator : AbstractValidator<EmailInput>
{
    public EmailInputValidator(IStringLocalizer<SharedResource> t) => RuleFor(i => i.Email).ValidEmail(t);
}
