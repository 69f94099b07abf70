using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients;

/// <summary>A client's record: profile, consent, needs and the timeline of everything that happened.</summary>
[Authorize(Policy = Policies.Advising)]
public class DetailsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ConsentInput Consent { get; set; } = new();

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public CorrectionAnswerInput Answer { get; set; } = new();

    /// <summary>Corrections of the profile proposed by the company's founders (issue 17 item 5), open ones first.</summary>
    public IReadOnlyList<CompanyCorrectionLine> Corrections { get; private set; } = [];

    public CompanyView Company { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConsentAsync(int id, CancellationToken cancellationToken)
    {
        CommandResult? result = null;
        if (this.IsValid(new ConsentInputValidator().Validate(Consent), nameof(Consent)))
        {
            var records = new CompanyRecords(db, clock);
            var viewer = User.ToViewer();
            result = Consent.Give
                ? await records.GiveConsentAsync(viewer, id, Consent.Version, Consent.Purpose!, User.ToActor(), cancellationToken)
                : await records.WithdrawConsentAsync(viewer, id, Consent.Version, Consent.Purpose, User.ToActor(), cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (ModelState.IsValid && result.IsDone)
            {
                TempData["Message"] = t[Consent.Give ? "Consent is recorded." : "The withdrawal of consent is recorded."].Value;
                return RedirectToPage("/Clients/Details", null, new { id }, "consent");
            }
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result?.Outcome == CommandOutcome.Conflict)
        {
            var now = Company.Consent.OrderByDescending(c => c.At).FirstOrDefault();
            var theirs = now is null ? "" : $"{(now.Given ? t["Given"] : t["Withdrawn"])}: {now.Purpose}";
            await this.ShowConflictAsync(nameof(Consent), new Dictionary<string, string> { [nameof(ConsentInput.Purpose)] = Consent.Purpose?.Trim() ?? "" },
                new Dictionary<string, string> { [nameof(ConsentInput.Purpose)] = theirs }, await SavedVersion.LoadAsync(db.Companies, id, cancellationToken));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken cancellationToken)
    {
        if (this.IsValid(new NoteInputValidator().Validate(Note), nameof(Note)))
        {
            var result = await new CompanyRecords(db, clock).AddNoteAsync(User.ToViewer(), id, Note.Text, User.ToActor(), cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            TempData["Message"] = t["The note is added to the timeline."].Value;
            return RedirectToPage("/Clients/Details", null, new { id }, "timeline");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>An advisor accepts or declines a founder's proposed correction; a second answer is a conflict that changes nothing.</summary>
    public async Task<IActionResult> OnPostAnswerCorrectionAsync(int id, CancellationToken cancellationToken)
    {
        if (this.IsValid(new CorrectionAnswerInputValidator().Validate(Answer), nameof(Answer)))
        {
            var result = await new CompanyCorrections(db, clock).AnswerAsync(User.ToViewer(), Answer.CorrectionId, Answer.Version, Answer.Outcome!.Value, Answer.Response, User.ToActor(), cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (result.IsDone)
            {
                TempData["Message"] = t[Answer.Outcome == CorrectionStatus.Resolved ? "The proposal is accepted. Correct the profile if you have not yet." : "The proposal is declined."].Value;
                return RedirectToPage("/Clients/Details", null, new { id }, "corrections");
            }

            if (result.Outcome == CommandOutcome.Conflict)
            {
                db.ChangeTracker.Clear();
                await this.ShowActionConflictAsync(await SavedVersion.LoadAsync(db.CompanyCorrections, Answer.CorrectionId, cancellationToken), t["Answered"].Value.ToLowerInvariant());
            }
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var company = await CompanyView.LoadAsync(db, User.ToViewer(), id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (company is null)
        {
            return false;
        }

        Company = company;
        Timeline = await CompanyTimeline.LoadAsync(db, id, cancellationToken: cancellationToken);
        Corrections = await new CompanyCorrections(db, clock).ListAsync(User.ToViewer(), id, cancellationToken);
        return true;
    }
}

public sealed class ConsentInput
{
    /// <summary>True to record consent, false to record its withdrawal.</summary>
    public bool Give { get; set; }

    /// <summary>What the consent covers, or why it is withdrawn.</summary>
    [DataType(DataType.MultilineText)]
    public string? Purpose { get; set; }

    public int Version { get; set; }
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public ConsentInputValidator()
    {
        RuleFor(i => i.Purpose).NotEmpty().When(i => i.Give).WithMessage("Say what the company consents to.");
        RuleFor(i => i.Purpose).MaximumLength(ConsentRecord.PurposeMaxLength);
    }
}

public sealed class NoteInput
{
    [DataType(DataType.MultilineText)]
    public string Text { get; set; } = "";
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator()
    {
        RuleFor(i => i.Text).NotEmpty().WithMessage("Write the note first.").MaximumLength(CompanyNote.TextMaxLength);
    }
}

/// <summary>An advisor's answer to one proposed correction: accepted (<see cref="CorrectionStatus.Resolved"/>) or declined, with an optional reply.</summary>
public sealed class CorrectionAnswerInput
{
    public int CorrectionId { get; set; }

    public CorrectionStatus? Outcome { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Response { get; set; }

    public int Version { get; set; }
}

public sealed class CorrectionAnswerInputValidator : AbstractValidator<CorrectionAnswerInput>
{
    public CorrectionAnswerInputValidator()
    {
        RuleFor(i => i.Outcome).Must(o => o is CorrectionStatus.Resolved or CorrectionStatus.Dismissed).WithMessage("Choose whether you accept or decline the proposal.");
        RuleFor(i => i.Response).MaximumLength(CompanyCorrection.MessageLength).WithMessage("Keep the answer under 2,000 characters.");
    }
}
