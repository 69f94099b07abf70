using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <param name="Founder">What the company's founder said of the referral ("nobody contacted me" is the advisor's signal, ADR 1776).</param>
public sealed record NeedReferralLine(int Id, string Receiver, string? Offer, ReferralStatus Status, DateTime? SentAt, DateTime? AnsweredAt, bool IsOverdue)
{
    public FounderConfirmation? Founder { get; init; }
}

/// <summary>One need as its page shows it, with the statuses it may move to next (referred only by referring).</summary>
public sealed record NeedView(
    int Id,
    int Version,
    int CompanyId,
    string CompanyName,
    string Category,
    string? Market,
    string Description,
    NeedPriority Priority,
    NeedStatus Status,
    UnmetReason? UnmetReason,
    bool RequestedByCompany,
    string? RequestedOffer,
    string LoggedByName,
    DateTime LoggedAt,
    DateTime? ClosedAt,
    string? ClosingNote,
    IReadOnlyList<NeedStatus> NextStatuses,
    IReadOnlyList<NeedReferralLine> Referrals)
{
    public bool IsClosed => Need.IsClosed(Status);

    public static async Task<NeedView?> LoadAsync(AppDbContext db, Viewer viewer, int companyId, int needId, DateTime now, CancellationToken cancellationToken = default)
    {
        var need = await db.Needs.AsNoTracking().VisibleTo(viewer)
            .Include(n => n.Company).Include(n => n.Category).Include(n => n.Market)
            .FirstOrDefaultAsync(n => n.Id == needId && n.CompanyId == companyId, cancellationToken);
        if (need is null)
        {
            return null;
        }

        var overdue = Referral.OverdueAt(now);
        var referrals = await db.Referrals.AsNoTracking().AsExpandable().Where(r => r.NeedId == needId).OrderByDescending(r => r.SentAt)
            .Select(r => new NeedReferralLine(r.Id, r.ReceivingOrganisation!.Name, r.Offer != null ? r.Offer.Name : null, r.Status, r.SentAt, r.AnsweredAt,
                overdue.Invoke(r))
            { Founder = r.FounderConfirmation })
            .ToListAsync(cancellationToken);
        var requestedOffer = need.RequestedOfferId is { } offerId
            ? await db.Offers.AsNoTracking().Where(o => o.Id == offerId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var next = Enum.GetValues<NeedStatus>().Where(s => s != NeedStatus.Referred && need.CanMoveTo(s)).ToList();
        return new NeedView(
            need.Id, need.Version, need.CompanyId, need.Company!.Name, need.Category!.Name, need.Market?.Name, need.Description, need.Priority, need.Status,
            need.UnmetReason, need.RequestedByCompany, requestedOffer, need.LoggedByName, need.LoggedAt, need.ClosedAt, need.ClosingNote, next, referrals);
    }
}
