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

/// <summary>Changing one's password: the current one, then a new one under the same rules as everywhere (ADR 1102).</summary>
public class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        if (!this.IsValid(new ChangePasswordInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Input.OldPassword) : nameof(Input.Password);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        TempData["Message"] = t["Your password is changed."].Value;
        return RedirectToPage();
    }
}

public sealed class ChangePasswordInput : INewPasswordInput
{
    [Display(Name = "Current password")]
    public string OldPassword { get; set; } = "";

    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(i => i.OldPassword).NotEmpty().WithMessage(t["Enter your current password."]);
        RuleFor(i => i.Password).NewPassword(t);
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage(t["The two passwords do not match."]);
    }
}
