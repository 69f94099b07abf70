using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Infrastructure.Mail;
using MediconGlobal.Web.Pages.Offers;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Partner.Corrections;

/// <summary>
/// Answer one correction request: resolved (the listing was corrected) or dismissed, with a reply. When someone else
/// answered first, theirs stands and this answer is shown back unsaved (docs/decisions/1050).
/// </summary>
[Authorize(Policy = Policies.PartnerManagement)]
public class AnswerModel(AppDbContext db, TimeProvider clock, PortalMailer mailer, ProblemReportMail mail, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public CorrectionRequest Correction { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return await RefuseAsync(id, cancellationToken);
        }

        Input.Version = Correction.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return await RefuseAsync(id, cancellationToken);
        }

        if (!this.IsValid(new AnswerInputValidator().Validate(Input), nameof(Input)))
        {
            return Page();
        }

        // The answer and the e-mail to the reporter (when they left an address) are saved together (issue 17 item 4).
        var result = await mailer.SaveWithMailAsync(
            () => db.SaveVersionedAsync(Correction, Input.Version, c => c.Answer(Input.Outcome!.Value, Input.Response!.Trim(), User.GetDisplayName(), clock.GetUtcNow().UtcDateTime), cancellationToken),
            id => mail.AnsweredAsync(id, cancellationToken),
            cancellationToken);
        if (result.Outcome != CommandOutcome.Done)
        {
            // Someone else answered first (a conflict, or a refusal when their answer was already saved when the page
            // loaded): their answer is shown, this one is kept on the page, unsaved.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            await this.ShowConflictAsync(nameof(Input), Describe(Input.Outcome, Input.Response), Describe(Correction.Status, Correction.Response), SavedVersion.Of(Correction));
            return Page();
        }

        TempData["Message"] = t["Answer saved."].Value;
        return RedirectToPage("/Partner/Corrections/Index", new { organisation = PartnerOrganisations.RouteValue(User.ToViewer(), Correction.OrganisationId) });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.CorrectionRequests.ManageableBy(User.ToViewer()).Include(c => c.Offer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        Correction = request!;
        return request is not null;
    }

    /// <summary>The answer in words as the form's buttons name it, for a conflict's saved values (ADR 1050).</summary>
    private Dictionary<string, string> Describe(CorrectionStatus? outcome, string? response) => new()
    {
        [nameof(AnswerInput.Outcome)] = outcome switch
        {
            CorrectionStatus.Resolved => t["I corrected the listing"].Value,
            CorrectionStatus.Dismissed => t["Nothing needed changing"].Value,
            _ => "",
        },
        [nameof(AnswerInput.Response)] = response?.Trim() ?? "",
    };

    private async Task<IActionResult> RefuseAsync(int id, CancellationToken cancellationToken) =>
        await db.CorrectionRequests.AnyAsync(c => c.Id == id, cancellationToken) ? Forbid() : NotFound();
}

public sealed class AnswerInput
{
    public CorrectionStatus? Outcome { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Response { get; set; }

    public int Version { get; set; }
}

public sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator()
    {
        RuleFor(i => i.Outcome).NotNull().WithMessage("Choose whether you corrected the listing or nothing needed changing.")
            .Must(o => o is CorrectionStatus.Resolved or CorrectionStatus.Dismissed).WithMessage("Choose whether you corrected the listing or nothing needed changing.");
        RuleFor(i => i.Response).NotEmpty().WithMessage("Write a short answer for the person who reported it.")
            .MaximumLength(CorrectionRequest.MessageLength).WithMessage("Keep the answer under 2,000 characters.");
    }
}
