using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Referrals;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Clients.Needs;

/// <summary>
/// One need: its status and history, the matching offers with why each matched, referring it from a
/// suggestion, and closing it as unmet / not available in one step when nothing matches. A suggestion from an
/// organisation where nobody answers in the portal says so before sending and asks for a contact's address, to
/// which the referral is e-mailed with a link to answer without an account (issue 11 item 7).
/// </summary>
[Authorize(Policy = Policies.Advising)]
public class DetailsModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, PortalMail portalMail, ReferralsByEmail byEmail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public StatusInput Status { get; set; } = new();

    [BindProperty]
    public ReferInput Refer { get; set; } = new();

    public NeedView Need { get; private set; } = null!;

    public SuggestionList? Suggestions { get; private set; }

    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];

    /// <summary>Who answers at each suggested offer's provider, by offer id.</summary>
    public IReadOnlyDictionary<int, ReceivingSide> ReceivingSides { get; private set; } = new Dictionary<int, ReceivingSide>();

    /// <summary>The response promise of each suggested offer's provider, by provider id (shown before sending, issue 19 item 1).</summary>
    public IReadOnlyDictionary<int, OrganisationPromise> Promises { get; private set; } = new Dictionary<int, OrganisationPromise>();

    public bool CanRefer => MediconGlobal.Core.Domain.Need.IsActiveStatus(Need.Status);

    public async Task<IActionResult> OnGetAsync(int companyId, int needId, CancellationToken cancellationToken) =>
        await LoadAsync(companyId, needId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int companyId, int needId, CancellationToken cancellationToken)
    {
        if (!this.IsValid(new StatusInputValidator().Validate(Status), nameof(Status)))
        {
            return await LoadAsync(companyId, needId, cancellationToken) ? Page() : NotFound();
        }

        var result = await new NeedWorkflow(db, clock).ChangeStatusAsync(User.ToViewer(), companyId, needId, Status.Version, Status.To, Status.Reason, Status.Note, User.ToActor(), cancellationToken);
        return await AfterAsync(result, companyId, needId, Status.To, t["The need is now {0}.", t[Status.To.Label()].Value.ToLowerInvariant()].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostReferAsync(int companyId, int needId, CancellationToken cancellationToken)
    {
        var side = Refer.OfferId > 0 ? (await Core.Referrals.ReceivingSides.OfOffersAsync(db, [Refer.OfferId], cancellationToken)).GetValueOrDefault(Refer.OfferId) : null;
        if (!this.IsValid(new ReferInputValidator(side).Validate(Refer), nameof(Refer)))
        {
            return await LoadAsync(companyId, needId, cancellationToken) ? Page() : NotFound();
        }

        var emailTo = side is { AnswersInThePortal: false } ? Refer.ContactEmail!.Trim() : null;
        var result = await mailer.SaveWithMailAsync(
            () => new NeedWorkflow(db, clock).ReferAsync(User.ToViewer(), companyId, needId, Refer.Version, Refer.OfferId, Refer.Message, User.ToActor(), emailTo, cancellationToken),
            referralId => emailTo is null ? portalMail.ReferralSentAsync(referralId, cancellationToken) : byEmail.MailAsync(referralId, cancellationToken),
            cancellationToken);

        var message = emailTo is null
            ? t["The referral is sent. The receiving organisation is asked to answer within the time it promises; it is reminded when that has passed."]
            : t["The referral is sent by e-mail to {0}, who answers through the link in it. It waits here for the answer, due within the time the organisation promises.", emailTo];
        return await AfterAsync(result, companyId, needId, NeedStatus.Referred, message.Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseNotAvailableAsync(int companyId, int needId, CancellationToken cancellationToken)
    {
        // A button with a hidden version only: a version that cannot be read is a hand-made request.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await new NeedWorkflow(db, clock).CloseAsNotAvailableAsync(User.ToViewer(), companyId, needId, Status.Version, User.ToActor(), cancellationToken);
        return await AfterAsync(result, companyId, needId, NeedStatus.Unmet, t["The need is closed as unmet: not available. It counts as a gap in the reports."].Value, cancellationToken);
    }

    /// <summary>
    /// After a step: done redirects with <paramref name="message"/>; a refusal or a conflict shows the need as it is
    /// now, with what was typed kept and, on a conflict, the status someone else saved beside the one asked for.
    /// </summary>
    private async Task<IActionResult> AfterAsync(CommandResult result, int companyId, int needId, NeedStatus wanted, string message, CancellationToken cancellationToken)
    {
        if (this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (ModelState.IsValid && result.IsDone)
        {
            TempData["Message"] = message;
            return RedirectToPage("/Clients/Needs/Details", new { companyId, needId });
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(companyId, needId, cancellationToken))
        {
            return NotFound();
        }

        if (result.Outcome == CommandOutcome.Conflict)
        {
            string Words(NeedStatus status) => t[status.Label()].Value;
            await this.ShowConflictAsync(nameof(Status), new Dictionary<string, string> { [nameof(StatusInput.To)] = Words(wanted) },
                new Dictionary<string, string> { [nameof(StatusInput.To)] = Words(Need.Status) }, await SavedVersion.LoadAsync(db.Needs, needId, cancellationToken));
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int companyId, int needId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var need = await NeedView.LoadAsync(db, User.ToViewer(), companyId, needId, now, cancellationToken);
        if (need is null)
        {
            return false;
        }

        Need = need;
        Suggestions = CanRefer ? await NeedSuggestions.LoadAsync(db, needId, now, CultureInfo.CurrentUICulture, cancellationToken: cancellationToken) : null;
        ReceivingSides = Suggestions is null ? new Dictionary<int, ReceivingSide>() : await Core.Referrals.ReceivingSides.OfOffersAsync(db, Suggestions.Offers.Select(o => o.OfferId).ToList(), cancellationToken);
        Promises = Suggestions is null ? new Dictionary<int, OrganisationPromise>() : await ResponsePromises.OfOrganisationsAsync(db, Suggestions.Offers.Select(o => o.ProviderId).Distinct().ToList(), cancellationToken);
        History = await CompanyTimeline.LoadAsync(db, companyId, needId, cancellationToken);
        return true;
    }
}

public sealed class StatusInput
{
    public NeedStatus To { get; set; }

    public UnmetReason? Reason { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    public int Version { get; set; }
}

public sealed class StatusInputValidator : AbstractValidator<StatusInput>
{
    public StatusInputValidator()
    {
        RuleFor(i => i.To).IsInEnum().NotEqual(NeedStatus.Referred).WithMessage("Choose the new status.");
        RuleFor(i => i.Reason).NotNull().When(i => i.To == NeedStatus.Unmet).WithMessage("Say why the need is unmet.");
        RuleFor(i => i.Reason).IsInEnum();
        RuleFor(i => i.Note).MaximumLength(1500);
    }
}

public sealed class ReferInput
{
    public int OfferId { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }

    /// <summary>Where the referral goes when nobody at the offer's provider answers in the portal.</summary>
    [Display(Name = "Contact's e-mail")]
    public string? ContactEmail { get; set; }

    public int Version { get; set; }
}

public sealed class ReferInputValidator : AbstractValidator<ReferInput>
{
    /// <param name="side">Who answers at the chosen offer's provider; a contact address is needed when nobody there answers in the portal.</param>
    public ReferInputValidator(ReceivingSide? side = null)
    {
        RuleFor(i => i.OfferId).GreaterThan(0).WithMessage("Pick an offer from the suggestions.");
        RuleFor(i => i.Message).MaximumLength(Referral.TextMaxLength);
        RuleFor(i => i.ContactEmail).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Nobody at this organisation answers in the portal: give the e-mail address of someone there who can answer.")
            .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.")
            .EmailAddress().WithMessage("Enter a valid e-mail address, like name@example.com.")
            .When(_ => side is { AnswersInThePortal: false });
    }
}
