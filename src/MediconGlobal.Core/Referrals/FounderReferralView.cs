using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

/// <summary>
/// A referral as the founder of the referred company sees it (ADR 1776): where it went (organisation, offer), its
/// status and dates, the outcome the advisor recorded, and the founder's own answers. Not the advisor's message, the
/// receiving side's answer or the advisor's feedback: those are written between advisors and partners about the
/// company, as the advisors' notes are (ADR 1702).
/// </summary>
public sealed record FounderReferralView(
    int Id,
    int Version,
    string Organisation,
    int? OfferId,
    string? Offer,
    int CategoryId,
    int? MarketId,
    ReferralStatus Status,
    DateTime? SentAt,
    DateTime? AnsweredAt,
    DateTime? CompletedAt,
    string? Outcome,
    FounderConfirmation? Confirmation,
    string? Comment,
    DateTime? ConfirmedAt,
    FollowUpResults? FollowUp,
    DateTime? FollowUpAnsweredAt)
{
    /// <summary>A suggestion never reached anyone: only a sent referral can be confirmed.</summary>
    public bool CanConfirm => SentAt is not null && Status != ReferralStatus.Suggested;

    /// <summary>A completed referral has a follow-up the founder can answer.</summary>
    public bool CanFollowUp => Status == ReferralStatus.Completed;

    /// <summary>The referral <paramref name="id"/> when it was made for the founder's own company, else null.</summary>
    public static Task<FounderReferralView?> LoadAsync(AppDbContext db, Viewer viewer, int id, CancellationToken cancellationToken = default) =>
        ReferralFeedback.OfFoundersCompany(db.Referrals.AsNoTracking(), viewer)
            .Where(r => r.Id == id)
            .Select(r => new FounderReferralView(
                r.Id,
                r.Version,
                r.ReceivingOrganisation!.Name,
                r.OfferId,
                r.Offer != null ? r.Offer.Name : null,
                r.Need!.CategoryId,
                r.Need.MarketId,
                r.Status,
                r.SentAt,
                r.AnsweredAt,
                r.CompletedAt,
                r.Outcome,
                r.FounderConfirmation,
                r.FounderComment,
                r.FounderConfirmedAt,
                r.FounderFollowUp,
                r.FounderFollowUpAt))
            .FirstOrDefaultAsync(cancellationToken);
}
