using FluentValidation;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Self-registration is for founders: it creates the startup account and its company in one step. Staff
/// accounts (advisors, partner staff, project managers) are created by an administrator.
/// </summary>
[AllowAnonymous]
public class RegisterModel(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    AccountMail mail,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public IReadOnlyList<SelectListItem> Incubators { get; private set; } = [];

    public async Task OnGetAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ReturnUrl = returnUrl;
        await LoadIncubatorsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ReturnUrl = returnUrl;
        await LoadIncubatorsAsync(cancellationToken);
        var validation = await new RegisterInputValidator().ValidateAsync(Input, cancellationToken);
        validation.AddToModelState(ModelState, nameof(Input));
        if (Input.HomeIncubatorId is { } incubatorId && Incubators.All(i => i.Value != incubatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.HomeIncubatorId)}", "Choose an incubator from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var company = new Company(Input.CompanyName.Trim(), Input.Country) { HomeIncubatorId = Input.HomeIncubatorId };
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);

        var user = new ApplicationUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.Name.Trim(),
            CompanyId = company.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Startup);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            // A field shows one message, so all of Identity's complaints about a field are joined into it.
            foreach (var group in result.Errors.GroupBy(FieldOf))
            {
                ModelState.AddModelError(group.Key, string.Join(" ", group.Select(Describe).Distinct()));
            }

            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        await mail.SendConfirmationAsync(user);
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData["Message"] = $"Welcome to MediconGlobal, {user.DisplayName}.";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/find-support");
    }

    private static string Describe(IdentityError error) => error.Code is "DuplicateUserName" or "DuplicateEmail"
        ? "An account with this email address already exists. Sign in, or reset your password if you forgot it."
        : error.Description;

    private static string FieldOf(IdentityError error) =>
        error.Code.Contains("Password", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(Input.Password)}"
        : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(Input.Email)}"
        : string.Empty;

    private async Task LoadIncubatorsAsync(CancellationToken cancellationToken) =>
        Incubators = await db.Organisations.AsNoTracking()
            .Where(o => o.Type == OrganisationType.Incubator || o.Type == OrganisationType.RegionalInnovationAgency)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(cancellationToken);
}

public sealed class RegisterInput : INewPasswordInput
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    public string CompanyName { get; set; } = "";

    public string Country { get; set; } = "SE";

    public int? HomeIncubatorId { get; set; }
}

public sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public static readonly IReadOnlyDictionary<string, string> Countries = new Dictionary<string, string>
    {
        ["SE"] = "Sweden",
        ["DK"] = "Denmark",
        ["NO"] = "Norway",
        ["FI"] = "Finland",
        ["DE"] = "Germany",
        ["GB"] = "United Kingdom",
        ["US"] = "United States",
        ["XX"] = "Another country",
    };

    public RegisterInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Enter your name.").MaximumLength(200);
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like name@example.com.").MaximumLength(256);
        RuleFor(i => i.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage($"A password needs at least {PasswordPolicy.MinimumLength} characters. A few unrelated words make a long one that is easy to remember.")
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage($"A password has at most {PasswordPolicy.MaximumLength} characters.");
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage("The two passwords do not match.");
        RuleFor(i => i.CompanyName).NotEmpty().WithMessage("Enter your company's name.").MaximumLength(200);
        RuleFor(i => i.Country).Must(c => c is not null && Countries.ContainsKey(c)).WithMessage("Choose a country from the list.");
    }
}
