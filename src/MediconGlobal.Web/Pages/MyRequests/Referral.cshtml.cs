using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Security;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Pages.Shared;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.MyRequests;

/// <summary>
/// A founder sees one referral made for their company and says whether they got help or nobody contacted them
/// (issue 19 item 3, ADR 1776); the answer is recorded on the referral, shown to the advisors and counted by the
/// dashboard's funnel. Another company's referral is not found.
/// </summary>
[Authorize(Policy = Policies.Founder)]
public class ReferralModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ConfirmationInput Confirmation { get; set; } = new();

    public FounderReferralView Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Confirmation.Answer = Referral.Confirmation;
        Confirmation.Comment = Referral.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (this.IsValid(new ConfirmationInputValidator().Validate(Confirmation), nameof(Confirmation)))
        {
            var result = await new ReferralFeedback(db, clock).ConfirmByFounderAsync(
                User.ToViewer(), id, Confirmation.Version, Confirmation.Answer!.Value, Confirmation.Comment, User.ToActor(), cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (result.IsDone)
            {
                TempData["Message"] = (Confirmation.Answer == FounderConfirmation.NobodyContacted
                    ? t["Thank you. Your advisors are told that nobody has contacted you."]
                    : t["Thank you for telling us that you got help."]).Value;
                return RedirectToPage("/MyRequests/Referral", new { id });
            }

            if (result.Outcome == CommandOutcome.Conflict)
            {
                // The receiving side or an advisor moved the referral on meanwhile: the founder sees its state now, not who.
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                await this.ShowActionConflictAsync(await SavedVersion.LoadAsync(db.Referrals, id, cancellationToken) with { By = null }, t[Referral.Status.Label()].Value);
                return Page();
            }
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FounderReferralView.LoadAsync(db, User.ToViewer(), id, cancellationToken) is not { } referral)
        {
            return false;
        }

        Referral = referral;
        this.SetVersion(nameof(Confirmation), referral.Version);
        return true;
    }
}
