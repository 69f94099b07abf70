using LinqKit;
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
    /// <summary>A referral's answer became due (its receiver's response promise passed) and it still waits; both sides see it.</summary>
    ReferralOverdue,

    /// <summary>
    /// A referral still waits at twice its receiver's promise (issue 19 item 2): the advisors who may complete it are told
    /// and may re-route the need. <see cref="Notification.At"/> is the escalation time.
    /// </summary>
    ReferralUnanswered,

    /// <summary>Consent to share the company's data was withdrawn by someone else (a founder, usually).</summary>
    ConsentWithdrawn,

    /// <summary>A founder proposed a correction of the company's profile.</summary>
    CorrectionProposed,

    /// <summary>Someone reported a problem with one of the organisation's listings (partner staff; issue 17 item 4).</summary>
    ProblemReported,

    /// <summary>The company's advisors accepted (<see cref="Notification.Accepted"/>) or declined a founder's proposal.</summary>
    CorrectionAnswered,

    /// <summary>A completed referral's follow-up waits for the viewer's answer (advisors of the referring side, the company's founders; ADR 1777).</summary>
    FollowUpAsked,

    /// <summary>The company's founder says nobody from the receiving organisation contacted them (the referring side; ADR 1776).</summary>
    FounderNobodyContacted,
}

/// <summary>
/// One thing that changed. <see cref="Company"/> is null when the viewer may not know who the company is
/// (a referral received without consent) or does not need telling (a founder's own company). Need and referral
/// kinds carry <see cref="NeedId"/>; company kinds (consent, profile corrections) carry none and an empty
/// <see cref="Category"/>; a problem report carries <see cref="ProblemReportId"/> and the listing's name as <see cref="Category"/>; <see cref="Accepted"/> is set for <see cref="NotificationKind.CorrectionAnswered"/>.
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
    int? NeedId,
    int? ReferralId,
    bool? Accepted = null,
    int? ProblemReportId = null);

/// <summary>
/// "What changed since your last visit", read straight from the append-only histories (need status changes
/// and the dated steps of referrals) through the viewer's data scopes, so it needs no table of its own and can
/// never show more than the viewer may see. The viewer's own actions are left out. Referrals still waiting
/// appear when their answer becomes due (the receiver's response promise) and, for advisors, again at twice the
/// promise (ADR 1762).
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
                (int?)h.NeedId,
                null,
                null))
            .ToListAsync(cancellationToken);
        items.AddRange(changes);

        var referrals = db.Referrals.AsNoTracking().VisibleTo(viewer);
        items.AddRange(await Project(referrals.Where(r => r.SentAt > since && r.SentByUserId != me).OrderByDescending(r => r.SentAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralSent, cancellationToken));
        items.AddRange(await Project(referrals.Where(r => r.AnsweredAt > since && r.AnsweredByUserId != me).OrderByDescending(r => r.AnsweredAt).Take(Limit), visibleCompanies, isFounder, null, cancellationToken));
        items.AddRange(await Project(referrals.Where(r => r.CompletedAt > since && r.CompletedByUserId != me).OrderByDescending(r => r.CompletedAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralCompleted, cancellationToken));
        if (!isFounder)
        {
            items.AddRange(await Project(referrals.Where(Referral.WentOverdueBetween(since, now)).OrderByDescending(r => r.AnswerDueAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralOverdue, cancellationToken));
        }

        if (viewer.IsInRole(Roles.Advisor))
        {
            items.AddRange(await Project(referrals.Where(Referral.EscalatedBetween(since, now)).OrderByDescending(r => r.EscalatesAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.ReferralUnanswered, cancellationToken));
        }

        // Closing the loop (issue 19, ADR 1776/1777): only the referring side and the company hear of these, not the receiving organisation.
        var referringSide = isFounder || viewer.IsInRole(Roles.Advisor) || viewer.SeesEverything;
        if (isFounder || viewer.IsInRole(Roles.Advisor))
        {
            items.AddRange(await Project(referrals.Where(r => r.FollowUpAskedAt > since).OrderByDescending(r => r.FollowUpAskedAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.FollowUpAsked, cancellationToken));
        }

        if (referringSide && !isFounder)
        {
            items.AddRange(await Project(referrals.Where(Referral.FounderSaysNobodyContacted).Where(r => r.FounderConfirmedAt > since && r.FounderConfirmedByUserId != me).OrderByDescending(r => r.FounderConfirmedAt).Take(Limit), visibleCompanies, isFounder, NotificationKind.FounderNobodyContacted, cancellationToken));
        }

        items.AddRange(await CompanyChangesAsync(db, viewer, visibleCompanies, isFounder, since, cancellationToken));
        if (viewer.IsInRole(Roles.PartnerStaff))
        {
            items.AddRange(await db.CorrectionRequests.AsNoTracking().ManageableBy(viewer)
                .Where(c => c.SubmittedAt > since && (c.SubmittedByUserId == null || c.SubmittedByUserId != me))
                .OrderByDescending(c => c.SubmittedAt).Take(Limit)
                .Select(c => new Notification(c.SubmittedAt, NotificationKind.ProblemReported, c.ReporterName ?? "", null, c.Offer!.Name, null, null, c.Message, null, 0, null, null, null, c.Id))
                .ToListAsync(cancellationToken));
        }

        return items.OrderByDescending(i => i.At).ThenBy(i => i.Kind).Take(Limit).ToList();
    }

    /// <summary>
    /// Founders' steps on their company (issue 17 item 5) for the staff who see it — consent withdrawn, a correction
    /// proposed — and, for founders, their proposals' answers. Read from the append-only consent history and the
    /// proposals themselves.
    /// </summary>
    private static async Task<IEnumerable<Notification>> CompanyChangesAsync(AppDbContext db, Viewer viewer, IQueryable<Company> visibleCompanies, bool isFounder, DateTime since, CancellationToken cancellationToken)
    {
        var me = viewer.UserId ?? "";
        var corrections = db.CompanyCorrections.AsNoTracking().Where(c => visibleCompanies.Any(v => v.Id == c.CompanyId));
        if (isFounder)
        {
            return await corrections.Where(c => c.AnsweredAt > since && c.AnsweredByUserId != me).OrderByDescending(c => c.AnsweredAt).Take(Limit)
                .Select(c => new Notification(c.AnsweredAt!.Value, NotificationKind.CorrectionAnswered, c.AnsweredByName ?? "", null, "", null, null, c.Response, null, c.CompanyId, null, null, c.Status == CorrectionStatus.Resolved))
                .ToListAsync(cancellationToken);
        }

        var withdrawn = await db.ConsentRecords.AsNoTracking()
            .Where(r => !r.Given && r.RecordedAt > since && r.RecordedByUserId != me && visibleCompanies.Any(v => v.Id == r.CompanyId))
            .OrderByDescending(r => r.RecordedAt).Take(Limit)
            .Select(r => new Notification(r.RecordedAt, NotificationKind.ConsentWithdrawn, r.RecordedByName, r.Company!.Name, "", null, null, r.Purpose, null, r.CompanyId, null, null, null))
            .ToListAsync(cancellationToken);
        var proposed = await corrections.Where(c => c.ProposedAt > since && c.ProposedByUserId != me).OrderByDescending(c => c.ProposedAt).Take(Limit)
            .Select(c => new Notification(c.ProposedAt, NotificationKind.CorrectionProposed, c.ProposedByName, c.Company!.Name, "", null, null, c.Message, null, c.CompanyId, null, null, null))
            .ToListAsync(cancellationToken);
        return withdrawn.Concat(proposed);
    }

    private static async Task<IEnumerable<Notification>> Project(IQueryable<Referral> referrals, IQueryable<Company> visibleCompanies, bool isFounder, NotificationKind? kind, CancellationToken cancellationToken)
    {
        var identityShown = Company.IdentityShownTo(visibleCompanies);
        var rows = await referrals.AsExpandable().Select(r => new
        {
            r.Id,
            r.Status,
            r.Need!.CompanyId,
            r.NeedId,
            Company = !isFounder && identityShown.Invoke(r.Need.Company!) ? r.Need.Company!.Name : null,
            Category = r.Need.Category!.Name,
            Market = r.Need.Market != null ? r.Need.Market.Name : null,
            Receiver = r.ReceivingOrganisation!.Name,
            r.SentAt,
            r.SentByName,
            r.AnswerDueAt,
            r.EscalatesAt,
            r.AnsweredAt,
            r.AnsweredByName,
            r.Answer,
            r.CompletedAt,
            r.CompletedByName,
            r.Outcome,
            r.FollowUpAskedAt,
            r.FounderConfirmedAt,
            r.FounderConfirmedByName,
            r.FounderComment,
        }).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var actual = kind ?? (r.Status == ReferralStatus.Declined ? NotificationKind.ReferralDeclined : NotificationKind.ReferralAccepted);
            var (at, actor, detail) = actual switch
            {
                NotificationKind.ReferralSent => (r.SentAt!.Value, r.SentByName, (string?)null),
                NotificationKind.ReferralOverdue => (r.AnswerDueAt!.Value, r.Receiver, null),
                NotificationKind.ReferralUnanswered => (r.EscalatesAt!.Value, r.Receiver, null),
                NotificationKind.ReferralCompleted => (r.CompletedAt!.Value, r.CompletedByName ?? "", r.Outcome),
                NotificationKind.FollowUpAsked => (r.FollowUpAskedAt!.Value, "", null),
                NotificationKind.FounderNobodyContacted => (r.FounderConfirmedAt!.Value, r.FounderConfirmedByName ?? "", r.FounderComment),
                _ => (r.AnsweredAt!.Value, r.AnsweredByName ?? "", r.Answer),
            };
            return new Notification(at, actual, actor, r.Company, r.Category, r.Market, r.Receiver, detail, null, r.CompanyId, r.NeedId, r.Id);
        });
    }
}
