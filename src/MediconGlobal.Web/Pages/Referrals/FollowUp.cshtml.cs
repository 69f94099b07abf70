using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Web.Infrastructure;
using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Pages.Referrals;

/// <summary>
/// "What came of it?" for a completed referral (issue 19 item 4, ADR 1777), reached from the follow-up e-mail, the
/// notification, the referral page (advisors) and the founder's referral page. Open to any signed-in person by
/// route; the query answers only the referring side's advisors and the company's founders, everyone else gets 404.
/// </summary>
public class FollowUpModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public FollowUpInput FollowUp { get; set; } = new();

    public FollowUpQuestion Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Question.Answer is { } answer)
        {
            FollowUp.Show(answer, Question.Comment);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (this.IsValid(new FollowUpInputValidator().Validate(FollowUp), nameof(FollowUp)))
        {
            var result = await new ReferralFeedback(db, clock).AnswerFollowUpAsync(User.ToViewer(), id, FollowUp.Version, FollowUp.Results, FollowUp.Comment, User.ToActor(), cancellationToken);
            if (this.Handle(result) is { } failure)
            {
                return failure;
            }

            if (result.IsDone)
            {
                TempData["Message"] = t["Thank you. Your answer is recorded."].Value;
                return RedirectToPage("/Referrals/FollowUp", new { id });
            }

            if (result.Outcome == CommandOutcome.Conflict)
            {
                // The other side answered meanwhile (the version is the referral's): keep the boxes, say so, save nothing.
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                await this.ShowActionConflictAsync(await SavedVersion.LoadAsync(db.Referrals, id, cancellationToken) with { By = null }, t["Completed"].Value);
                return Page();
            }
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FollowUpQuestion.LoadAsync(db, User.ToViewer(), id, cancellationToken) is not { } question)
        {
            return false;
        }

        Question = question;
        this.SetVersion(nameof(FollowUp), question.Version);
        return true;
    }
}
