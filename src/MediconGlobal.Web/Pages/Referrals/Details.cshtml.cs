using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Clients;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// One referral. The receiving organisation's staff accept or decline it (a reason is required to decline);
/// the referring advisor completes it with an outcome. Without the company's consent the receiving side sees
/// the need but not who the company is.
/// </summary>
[Authorize(Policy = Policies.Referrals)]
public class DetailsModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, PortalMail portalMail, ReferralsByEmail byEmail, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The re-route form (issue 19 item 2): the chosen next offer, a message, and a contact's address when nobody there answers in the portal.</summary>
    [BindProperty]
    public Clients.Needs.ReferInput Reroute { get; set; } = new();

    /// <summary>The next matching offers, once the referral waits past twice its promise and the viewer may re-route it.</summary>
    public IReadOnlyList<Suggestion> RerouteOptions { get; private set; } = [];

    /// <summary>Who answers at each re-route option's provider, and its response promise, by offer id.</summary>
    public IReadOnlyDictionary<int, ReceivingSide> RerouteSides { get; private set; } = new Dictionary<int, ReceivingSide>();

    /// <summary>The response promise of each re-route option's provider, by provider id.</summary>
    public IReadOnlyDictionary<int, OrganisationPromise> Promises { get; private set; } = new Dictionary<int, OrganisationPromise>();

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    [BindProperty]
    public CompleteInput Completion { get; set; } = new();

    public ReferralDetail Referral { get; private set; } = null!;

    /// <summary>The founder's word and the follow-up answers, for the referring side only (ADR 1776, 1777).</summary>
    public ReferralFeedbackView? Feedback { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken)
    {
        var result = this.IsValid(new AnswerInputValidator(requireText: false).Validate(Answer), nameof(Answer))
            ? await SaveWithMailAsync(id, () => new ReferralWorkflow(db, clock).AcceptAsync(User.ToViewer(), id, Answer.Version, Answer.Text, User.ToActor(), cancellationToken), cancellationToken)
            : null;
        return await AfterAnswerAsync(id, result, t["You accepted the referral. The advisor is told."].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken)
    {
        var result = this.IsValid(new AnswerInputValidator(requireText: true).Validate(Answer), nameof(Answer))
            ? await SaveWithMailAsync(id, () => new ReferralWorkflow(db, clock).DeclineAsync(User.ToViewer(), id, Answer.Version, Answer.Text!, User.ToActor(), cancellationToken), cancellationToken)
            : null;
        return await AfterAnswerAsync(id, result, t["You declined the referral. The advisor is told, with your reason."].Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = this.IsValid(new CompleteInputValidator().Validate(Completion), nameof(Completion))
            ? await new ReferralWorkflow(db, clock).CompleteAsync(User.ToViewer(), id, Completion.Version, Completion.Outcome, Completion.Feedback, Completion.NeedIsMet, User.ToActor(), cancellationToken)
            : null;
        return await AfterAsync(id, result, nameof(Completion), t["The referral is completed and its outcome recorded."].Value, cancellationToken);
    }

    /// <summary>Closes the referral as not answered and sends the need to the chosen next offer, with its e-mail, in one step.</summary>
    public async Task<IActionResult> OnPostRerouteAsync(int id, CancellationToken cancellationToken)
    {
        var side = Reroute.OfferId > 0 ? (await ReceivingSides.OfOffersAsync(db, [Reroute.OfferId], cancellationToken)).GetValueOrDefault(Reroute.OfferId) : null;
        CommandResult? result = null;
        if (this.IsValid(new Clients.Needs.ReferInputValidator(side).Validate(Reroute), nameof(Reroute)))
        {
            var emailTo = side is { AnswersInThePortal: false } ? Reroute.ContactEmail!.Trim() : null;
            result = await mailer.SaveWithMailAsync(
                () => new Rerouting(db, clock).RerouteAsync(User.ToViewer(), id, Reroute.Version, Reroute.OfferId, Reroute.Message, User.ToActor(), emailTo, cancellationToken),
                next => emailTo is null ? portalMail.ReferralSentAsync(next, cancellationToken) : byEmail.MailAsync(next, cancellationToken),
                cancellationToken);
            if (result is { IsDone: true, Id: { } next })
            {
                TempData["Message"] = t["The referral is closed as not answered, and the need is sent to the next offer."].Value;
                return RedirectToPage("/Referrals/Details", new { id = next });
            }
        }

        return await AfterAsync(id, result, nameof(Reroute), "", cancellationToken);
    }

    private Task<IActionResult> AfterAnswerAsync(int id, CommandResult? result, string message, CancellationToken cancellationToken) =>
        AfterAsync(id, result, nameof(Answer), message, cancellationToken);

    /// <summary>An answer and the advisor's e-mail about it, saved together (ADR 1701).</summary>
    private Task<CommandResult> SaveWithMailAsync(int id, Func<Task<CommandResult>> answer, CancellationToken cancellationToken) =>
        mailer.SaveWithMailAsync(answer, _ => portalMail.ReferralAnsweredAsync(id, cancellationToken), cancellationToken);

    /// <summary>
    /// After a step: done redirects with <paramref name="message"/>; a refusal or a conflict shows the referral as it
    /// is now, with what was typed kept and, on a conflict, the other person's answer or outcome beside it.
    /// </summary>
    private async Task<IActionResult> AfterAsync(int id, CommandResult? result, string form, string message, CancellationToken cancellationToken)
    {
        if (result is not null && this.Handle(result) is { } failure)
        {
            return failure;
        }

        if (ModelState.IsValid && result?.IsDone == true)
        {
            TempData["Message"] = message;
            return RedirectToPage("/Referrals/Details", new { id });
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result?.Outcome == CommandOutcome.Conflict)
        {
            var (field, mine, theirs) = form switch
            {
                nameof(Answer) => (nameof(AnswerInput.Text), Answer.Text, Referral.Answer),
                nameof(Reroute) => (nameof(Clients.Needs.ReferInput.Message), Reroute.Message, Referral.Message),
                _ => (nameof(CompleteInput.Outcome), Completion.Outcome, Referral.Outcome),
            };
            await this.ShowConflictAsync(form, new Dictionary<string, string> { [field] = mine?.Trim() ?? "" }, new Dictionary<string, string> { [field] = theirs ?? "" },
                await SavedVersion.LoadAsync(db.Referrals, id, cancellationToken));
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var referral = await ReferralQueries.FindAsync(db, User.ToViewer(), id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        Referral = referral!;
        Feedback = referral is null ? null : await ReferralFeedbackView.LoadAsync(db, User.ToViewer(), id, cancellationToken);
        if (referral is { CanReroute: true })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var receiver = await db.Referrals.Where(r => r.Id == id).Select(r => r.ReceivingOrganisationId).FirstAsync(cancellationToken);
            RerouteOptions = await Rerouting.OptionsAsync(db, referral.NeedId, receiver, now, System.Globalization.CultureInfo.CurrentUICulture, cancellationToken);
            var offerIds = RerouteOptions.Select(o => o.OfferId).ToList();
            RerouteSides = await ReceivingSides.OfOffersAsync(db, offerIds, cancellationToken);
            Promises = await ResponsePromises.OfOrganisationsAsync(db, RerouteOptions.Select(o => o.ProviderId).Distinct().ToList(), cancellationToken);
        }

        return referral is not null;
    }
}

public sealed class AnswerInput
{
    /// <summary>The answer when accepting (optional), the reason when declining (required).</summary>
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }

    public int Version { get; set; }
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator(bool requireText)
    {
        RuleFor(i => i.Text).NotEmpty().When(_ => requireText).WithMessage("Say why you decline, so the advisor can find another way.");
        RuleFor(i => i.Text).MaximumLength(Referral.TextMaxLength);
    }
}

public sealed class CompleteInput
{
    [DataType(DataType.MultilineText)]
    public string Outcome { get; set; } = "";

    [DataType(DataType.MultilineText)]
    public string? Feedback { get; set; }

    public bool NeedIsMet { get; set; } = true;

    public int Version { get; set; }
}

public sealed class CompleteInputValidator : AbstractValidator<CompleteInput>
{
    public CompleteInputValidator()
    {
        RuleFor(i => i.Outcome).NotEmpty().WithMessage("Describe the outcome: what came of the referral?").MaximumLength(Referral.TextMaxLength);
        RuleFor(i => i.Feedback).MaximumLength(Referral.TextMaxLength);
    }
}
