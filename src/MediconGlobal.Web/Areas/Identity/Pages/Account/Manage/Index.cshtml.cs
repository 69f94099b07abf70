using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>"Your account": the name others see on what you record, and (read-only) your role and organisation or company.</summary>
public class IndexModel(AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The organisation a staff member belongs to, or the company a founder belongs to.</summary>
    public string? BelongsTo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        Input.DisplayName = user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!this.IsValid(new ProfileInputValidator(t).Validate(Input), nameof(Input)))
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }

        // The name is in the sign-in cookie, so the cookie is renewed.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = t["Your name is saved."].Value;
        return RedirectToPage();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Email = user.Email ?? "";
        Roles = (await users.GetRolesAsync(user)).ToList();
        BelongsTo = user.OrganisationId is { } organisationId
            ? await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync()
            : user.CompanyId is { } companyId ? await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync() : null;
        return user;
    }
}

public sealed class ProfileInput
{
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(i => i.DisplayName).NotEmpty().WithMessage(t["Enter your name."])
            .MaximumLength(Entity.NameMaxLength).WithMessage(t["Keep your name under 200 characters."]);
}
