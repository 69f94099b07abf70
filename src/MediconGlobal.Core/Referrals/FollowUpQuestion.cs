using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// The follow-up of one completed referral as the person answering it sees it (ADR 1777): where the referral went,
/// when it was completed, the outcome recorded, and that person's side's answer so far. Only the referring side's
/// advisors and the company's founders get one (<see cref="ReferralFeedback.RespondentOf"/>).
/// </summary>
public sealed record FollowUpQuestion(
    int Id,
    int Version,
    string Organisation,
    string? Offer,
    int CategoryId,
    int? MarketId,
    DateTime CompletedAt,
    string? Outcome,
    FollowUpRespondent Respondent,
    FollowUpResults? Answer,
    string? Comment,
    DateTime? AnsweredAt)
{
    /// <summary>The question of referral <paramref name="id"/> for <paramref name="viewer"/>, null when it is not completed or not theirs to answer.</summary>
    public static async Task<FollowUpQuestion?> LoadAsync(AppDbContext db, Viewer viewer, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var row = await db.Referrals.AsNoTracking().VisibleTo(viewer).Where(r => r.Id == id && r.CompletedAt != null)
            .Select(r => new
            {
                r.Id,
                r.Version,
                Organisation = r.ReceivingOrganisation!.Name,
                Offer = r.Offer != null ? r.Offer.Name : null,
                r.Need!.CategoryId,
                r.Need.MarketId,
                r.Need.CompanyId,
                r.Need.Company!.HomeIncubatorId,
                r.SentByUserId,
                r.Status,
                r.CompletedAt,
                r.Outcome,
                r.AdvisorFollowUp,
                r.AdvisorFollowUpComment,
                r.AdvisorFollowUpAt,
                r.FounderFollowUp,
                r.FounderFollowUpComment,
                r.FounderFollowUpAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is not { Status: ReferralStatus.Completed, CompletedAt: { } completedAt }
            || ReferralFeedback.RespondentOf(viewer, row.CompanyId, row.SentByUserId, row.HomeIncubatorId) is not { } respondent)
        {
            return null;
        }

        var founder = respondent == FollowUpRespondent.Founder;
        return new FollowUpQuestion(
            row.Id,
            row.Version,
            row.Organisation,
            row.Offer,
            row.CategoryId,
            row.MarketId,
            completedAt,
            row.Outcome,
            respondent,
            founder ? row.FounderFollowUp : row.AdvisorFollowUp,
            founder ? row.FounderFollowUpComment : row.AdvisorFollowUpComment,
            founder ? row.FounderFollowUpAt : row.AdvisorFollowUpAt);
    }
}
