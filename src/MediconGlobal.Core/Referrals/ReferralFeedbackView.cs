using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>One side's follow-up answer: the results, the free text, when and by whom.</summary>
public sealed record FollowUpAnswerView(FollowUpResults Results, string? Comment, DateTime At, string? By);

/// <summary>
/// What the company's founder said of a referral and the follow-up answers (ADR 1776, 1777), as the referring side
/// reads them on <c>/referrals/{id}</c>: the advisors who may complete the referral and project managers. The receiving
/// organisation does not see them: the founder answers their own advisors.
/// </summary>
/// <param name="Founder">"I got help" or "nobody contacted me", null until the founder answers.</param>
/// <param name="Respondent">The side of the follow-up the viewer answers for, null when they do not.</param>
public sealed record ReferralFeedbackView(
    FounderConfirmation? Founder,
    string? FounderComment,
    DateTime? FounderAt,
    FollowUpAnswerView? AdvisorFollowUp,
    FollowUpAnswerView? FounderFollowUp,
    DateTime? FollowUpAskedAt,
    bool IsCompleted,
    FollowUpRespondent? Respondent)
{
    /// <summary>The feedback of referral <paramref name="id"/> when <paramref name="viewer"/> is on the referring side, else null.</summary>
    public static async Task<ReferralFeedbackView?> LoadAsync(AppDbContext db, Viewer viewer, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var row = await db.Referrals.AsNoTracking().VisibleTo(viewer).Where(r => r.Id == id)
            .Select(r => new
            {
                r.Need!.CompanyId,
                r.Need.Company!.HomeIncubatorId,
                r.SentByUserId,
                r.Status,
                r.FounderConfirmation,
                r.FounderComment,
                r.FounderConfirmedAt,
                r.FollowUpAskedAt,
                r.AdvisorFollowUp,
                r.AdvisorFollowUpComment,
                r.AdvisorFollowUpAt,
                r.AdvisorFollowUpByName,
                r.FounderFollowUp,
                r.FounderFollowUpComment,
                r.FounderFollowUpAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var respondent = ReferralFeedback.RespondentOf(viewer, row.CompanyId, row.SentByUserId, row.HomeIncubatorId);
        if (!viewer.SeesEverything && respondent != FollowUpRespondent.Advisor)
        {
            return null;
        }

        return new ReferralFeedbackView(
            row.FounderConfirmation,
            row.FounderComment,
            row.FounderConfirmedAt,
            row is { AdvisorFollowUp: { } advisor, AdvisorFollowUpAt: { } advisorAt } ? new FollowUpAnswerView(advisor, row.AdvisorFollowUpComment, advisorAt, row.AdvisorFollowUpByName) : null,
            // A founder's follow-up is shown without their name, as their requests are.
            row is { FounderFollowUp: { } founder, FounderFollowUpAt: { } founderAt } ? new FollowUpAnswerView(founder, row.FounderFollowUpComment, founderAt, null) : null,
            row.FollowUpAskedAt,
            row.Status == ReferralStatus.Completed,
            respondent);
    }
}
