using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The signed-in person's e-mail address: confirm it, or change it. A change takes the current password and only
/// happens when the new address is confirmed from the link sent to it (issue 11 item 5).
/// </summary>
public class EmailModel(UserManager<ApplicationUser> users, AccountMail mail, IStringLocalizer<SharedResource> t) : PageModel
{
    public string CurrentEmail { get; private set; } = "";

    public bool IsConfirmed { get; private set; }

    public bool RequirePassword { get; private set; }

    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        // An emptied field binds as null (the validator has already said what is missing).
        var newEmail = Input.NewEmail?.Trim() ?? "";
        if (this.IsValid(new ChangeEmailInputValidator(t, RequirePassword).Validate(Input), nameof(Input)) && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", t["That is already your e-mail address."]);
        }

        if (ModelState.IsValid && RequirePassword && !await users.CheckPasswordAsync(user, Input.Password ?? ""))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", t["The password is not correct."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mail.SendEmailChangeAsync(user, newEmail);
        TempData["Message"] = t["We have sent a link to {0}. Your address changes when you open it.", newEmail].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendConfirmationAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!user.EmailConfirmed)
        {
            await mail.SendConfirmationAsync(user);
        }

        TempData["Message"] = t["We have sent a confirmation link to {0}.", CurrentEmail].Value;
        return RedirectToPage();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        CurrentEmail = user.Email ?? "";
        IsConfirmed = user.EmailConfirmed;
        RequirePassword = await users.HasPasswordAsync(user);
        return user;
    }
}

public sealed class ChangeEmailInput
{
    [Display(Name = "New e-mail address")]
    public string NewEmail { get; set; } = "";

    public string? Password { get; set; }
}

public sealed class ChangeEmailInputValidator : AbstractValidator<ChangeEmailInput>
{
    public ChangeEmailInputValidator(IStringLocalizer<SharedResource> t, bool requirePassword)
    {
        RuleFor(i => i.NewEmail).ValidEmail(t);
        if (requirePassword)
        {
            RuleFor(i => i.Password).NotEmpty().WithMessage(t["Enter your current password."]);
        }
    }
}
