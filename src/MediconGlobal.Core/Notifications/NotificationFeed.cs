using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Notifications;

public enum NotificationKind
{
    NeedLogged,
    HelpRequested,
    NeedStatusChanged,
    ReferralSent,
    ReferralAccepted,
    ReferralDeclined,
    ReferralCompleted,
    ReferralOverdue,
}

/// <summary>
/// One thing that changed. <see cref="Company"/> is null when the viewer may not know who the company is
/// (a referral received without consent) or does not need telling (a founder's own company).
/// </summary>
public sealed record Notification(
    DateTime At,
    NotificationKind Kind,
    string Actor,
    string? Company,
    string Category,
    string? Market,
    string? Organisation,
    string? Detail,
    NeedStatus? To,
    int CompanyId,
    int NeedId,
    int? ReferralId);

/// <summary>
/// "What changed since your last visit", read straight from the append-only histories (need status changes
/// and the dated steps of referrals) through the viewer's data scopes, so it needs no table of its own and can
/// never show more than the viewer may see. The viewer's own actions are left out. Referrals unanswered for
/// 14 days appear when they become overdue.
/// </summary>
public static class NotificationFeed
{
    public const int Limit = 50;

    public static async Task<IReadOnlyList<Notification>> LoadAsync(AppDbContext db, Viewer viewer, DateTime since, DateTime now, CancellationToken cancellationToken = default)
    {
        var me = viewer.UserId ?? "";
        var isFounder = viewer.IsInRole(Roles.Startup) && !viewer.SeesEverything;
        var visibleCompanies = db.Companies.VisibleTo(viewer);
        var items = new List<Notification>();

        var changes = await db.NeedStatusChanges.AsNoTracking()
            .Where(h => h.ChangedAt > since && h.ChangedByUserId != me && (h.From == null || h.To != NeedStatus.Referred))
            .Where(h => db.Needs.VisibleTo(viewer).Any(n => n.Id == h.NeedId))
            .OrderByDescending(h => h.ChangedAt).Take(Limit)
            .Select(h => new Notification(
                h.ChangedAt,
                h.From == null ? (h.Need!.RequestedByCompany ? NotificationKind.HelpRequested : NotificationKind.NeedLogged) : NotificationKind.NeedStatusChanged,
                h.ChangedByName,
                isFounder ? null : h.Need!.Company!.Name,
                h.Need!.Category!.Name,
                h.Need.Market != null ? h.Need.Market.Name : null,
                null,
                h.Note,
                h.To,
                h.Need.CompanyId,
                h.NeedId,
                null))
            .ToListAsync(cancellationToken);
        items.AddRange(changes);

        var referrals = db.Referrals.AsNoTracking().VisibleTo(viewer);
        items.AddRange(await Project(referrals.Where(r => r.SentAt > since && r.SentByUserId != me).OrderByDescending(r => r.SentAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralSent, cancellationToken));
        items.AddRange(await Project(referrals.Where(r => r.AnsweredAt > since && r.AnsweredByUserId != me).OrderByDescending(r => r.AnsweredAt).Take(Limit), visibleCompanies, isFounder, null, cancellationToken));
        items.AddRange(await Project(referrals.Where(r => r.CompletedAt > since && r.CompletedByUserId != me).OrderByDescending(r => r.CompletedAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralCompleted, cancellationToken));
        if (!isFounder)
        {
            var (from, to) = (since - Referral.AnswerDueWithin, now - Referral.AnswerDueWithin);
            items.AddRange(await Project(referrals.Where(r => r.Status == ReferralStatus.Sent && r.SentAt > from && r.SentAt <= to).OrderByDescending(r => r.SentAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralOverdue, cancellationToken));
        }

        return items.OrderByDescending(i => i.At).ThenBy(i => i.Kind).Take(Limit).ToList();
    }

    private static async Task<IEnumerable<Notification>> Project(IQueryable<Referral> referrals, IQueryable<Company> visibleCompanies, bool isFounder, NotificationKind? kind, CancellationToken cancellationToken)
    {
        var rows = await referrals.Select(r => new
        {
            r.Id,
            r.Status,
            r.Need!.CompanyId,
            r.NeedId,
            Company = !isFounder && (r.Need.Company!.SharesDataWithPartners || visibleCompanies.Any(c => c.Id == r.Need.CompanyId)) ? r.Need.Company!.Name : null,
            Category = r.Need.Category!.Name,
            Market = r.Need.Market != null ? r.Need.Market.Name : null,
            Receiver = r.ReceivingOrganisation!.Name,
            r.SentAt,
            r.SentByName,
            r.AnsweredAt,
            r.AnsweredByName,
            r.Answer,
            r.CompletedAt,
            r.CompletedByName,
            r.Outcome,
        }).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var actual = kind ?? (r.Status == ReferralStatus.Declined ? NotificationKind.ReferralDeclined : NotificationKind.ReferralAccepted);
            var (at, actor, detail) = actual switch
            {
                NotificationKind.ReferralSent => (r.SentAt!.Value, r.SentByName, (string?)null),
                NotificationKind.ReferralOverdue => (r.SentAt!.Value + Referral.AnswerDueWithin, r.Receiver, null),
                NotificationKind.ReferralCompleted => (r.CompletedAt!.Value, r.CompletedByName ?? "", r.Outcome),
                _ => (r.AnsweredAt!.Value, r.AnsweredByName ?? "", r.Answer),
            };
            return new Notification(at, actual, actor, r.Company, r.Category, r.Market, r.Receiver, detail, null, r.CompanyId, r.NeedId, r.Id);
        });
    }
}
