using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Settings;

/// <summary>
/// The portal's referral settings (issue 19 item 1): the default response promise, in working days, of organisations
/// that have not stated their own. Project managers and administrators; stored in the database and audited; saved
/// against the version the form showed (ADR 1050).
/// </summary>
[Authorize(Policy = Policies.ProjectManagement)]
public class ReferralsModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ReferralSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await ResponsePromises.SettingsAsync(db, cancellationToken);
        Input = new ReferralSettingsInput
        {
            DefaultAnswerWorkingDays = settings?.DefaultAnswerWorkingDays ?? PortalSettings.DefaultAnswerWorkingDaysInitially,
            Version = settings?.Version ?? 0,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!this.IsValid(new ReferralSettingsInputValidator().Validate(Input), nameof(Input)))
        {
            return Page();
        }

        var result = await ResponsePromises.SetDefaultAsync(db, Input.DefaultAnswerWorkingDays!.Value, Input.Version, cancellationToken);
        if (result.Outcome == CommandOutcome.Conflict)
        {
            db.ChangeTracker.Clear();
            var saved = await ResponsePromises.SettingsAsync(db, cancellationToken);
            if (saved is null)
            {
                return BadRequest();
            }

            string Days(int? days) => days?.ToString(CultureInfo.CurrentCulture) ?? "";
            await this.ShowConflictAsync(nameof(Input), new Dictionary<string, string> { [nameof(Input.DefaultAnswerWorkingDays)] = Days(Input.DefaultAnswerWorkingDays) },
                new Dictionary<string, string> { [nameof(Input.DefaultAnswerWorkingDays)] = Days(saved.DefaultAnswerWorkingDays) }, SavedVersion.Of(saved));
            return Page();
        }

        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (!result.IsDone)
        {
            return Page();
        }

        TempData["Message"] = t["Saved. Referrals sent from now on to organisations without their own promise are due within {0} working days.", Input.DefaultAnswerWorkingDays].Value;
        return RedirectToPage("/Settings/Referrals");
    }
}

/// <summary>The referral settings form.</summary>
public sealed class ReferralSettingsInput
{
    [Display(Name = "Default response promise (working days)")]
    public int? DefaultAnswerWorkingDays { get; set; }

    public int Version { get; set; }
}

public sealed class ReferralSettingsInputValidator : AbstractValidator<ReferralSettingsInput>
{
    public ReferralSettingsInputValidator() =>
        RuleFor(i => i.DefaultAnswerWorkingDays).NotNull().WithMessage("Give the number of working days.")
            .Must(days => days is null || ResponsePromise.IsValid(days.Value)).WithMessage("Give a whole number of working days from 1 to 30.");
}
