using FluentValidation;
using MediconGlobal.Core.Accounts;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Self-registration is for founders: it creates the startup account and holds its company on it; the company is
/// created when the address is confirmed from the e-mail (ADR 1216), and only then can the account sign in (issue 10
/// item 13). Staff accounts (advisors, partner staff, project managers) are created by an administrator. Registering an address that already has
/// an account answers exactly the same and costs the same work; only the address's owner is told, by e-mail
/// (issue 10 item 7).
/// </summary>
[AllowAnonymous]
public class RegisterModel(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    AccountMail mail,
    PortalMailer mailer,
    IStringLocalizer<SharedResource> t,
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
        // The incubator check joins the form's other messages, so the form is judged once both have spoken.
        _ = this.IsValid(await new RegisterInputValidator(t).ValidateAsync(Input, cancellationToken), nameof(Input));
        if (Input.HomeIncubatorId is { } incubatorId && Incubators.All(i => i.Value != incubatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.HomeIncubatorId)}", t["Choose an incubator from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.Name.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The password rules are checked before anything else, the same way for new and known addresses.
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            AddErrors(result, $"{nameof(Input)}.{nameof(Input.Password)}");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The account and its confirmation e-mail are saved in one transaction (the mail outbox, ADR 1701): an
        // account never exists without the e-mail its owner needs to sign in.
        if (await users.FindByEmailAsync(email) is not null
            || await mailer.SaveWithMailAsync(() => CreateAsync(user, cancellationToken), async _ => [await mail.ConfirmationAsync(user)], cancellationToken) is not { Outcome: CommandOutcome.Done })
        {
            db.ChangeTracker.Clear();
            // As much work as creating an account: hash the password, then tell the address's owner.
            users.PasswordHasher.HashPassword(user, Input.Password);
            await mail.SendAlreadyRegisteredAsync(await users.FindByEmailAsync(email) ?? user);
        }

        return RedirectToPage("./RegisterConfirmation");
    }

    /// <summary>
    /// Creates the founder's account with the company held on it (<see cref="FounderRegistration.Hold"/>), inside the
    /// caller's transaction; a conflict when the address was taken meanwhile (the caller's transaction is then rolled back).
    /// </summary>
    private async Task<CommandResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        FounderRegistration.Hold(user, Input.CompanyName, Input.Country, Input.HomeIncubatorId);
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Roles.Startup);
            }
        }
        catch (DbUpdateException)
        {
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(user.Email!));
        }

        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return CommandResult.Conflict;
            }

            throw new InvalidOperationException($"Registration failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }

        // The outbox asks for the saved record's number; an account's id is a string and the mail is made from the user.
        return CommandResult.Done(0);
    }

    private void AddErrors(IdentityResult result, string field)
    {
        // A field shows one message, so all of Identity's complaints about it are joined.
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
        }
    }

    private async Task LoadIncubatorsAsync(CancellationToken cancellationToken) =>
        Incubators = await db.Organisations.AsNoTracking()
            .Where(Organisation.CanBeHomeIncubator)
            .OrderByName(o => o.Name, db)
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
    /// <summary>The portal's one country list (<see cref="Core.Domain.Countries.All"/>) and "another country" (XX) for founders from elsewhere.</summary>
    public static readonly IReadOnlyDictionary<string, string> Countries =
        Core.Domain.Countries.All.Append<(string Code, string Name)>(("XX", AnotherCountry)).ToDictionary(c => c.Code, c => c.Name);

    /// <summary>The name of "another country" (XX), a key the page translates like the countries' names.</summary>
    private const string AnotherCountry = "Another country"; // l10n

    public RegisterInputValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage(t["Enter your name."]).MaximumLength(Entity.NameMaxLength).WithMessage(t["Keep your name under 200 characters."]);
        RuleFor(i => i.Email).ValidEmail(t);
        RuleFor(i => i.Password).NewPassword(t);
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage(t["The two passwords do not match."]);
        RuleFor(i => i.CompanyName).NotEmpty().WithMessage(t["Enter your company's name."]).MaximumLength(Entity.NameMaxLength).WithMessage(t["Keep the company name under 200 characters."]);
        RuleFor(i => i.Country).Must(c => c is not null && Countries.ContainsKey(c)).WithMessage(t["Choose a country from the list."]);
    }
}
