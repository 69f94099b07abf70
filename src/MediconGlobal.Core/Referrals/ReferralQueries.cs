using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Referrals;

public enum ReferralFocus
{
    Open,
    WaitingForAnswer,
    Overdue,
    Accepted,
    Closed,
    All,
}

/// <summary>One referral in a list. <see cref="CompanyName"/> is null when the viewer may not know who the company is.</summary>
public sealed record ReferralRow(
    int Id,
    ReferralStatus Status,
    string Category,
    string? Market,
    NeedPriority Priority,
    string? CompanyName,
    string SendingOrganisation,
    string ReceivingOrganisation,
    string? Offer,
    string SentByName,
    DateTime? SentAt,
    DateTime? AnsweredAt,
    bool IsOverdue,
    bool IsFictional);

/// <summary>
/// Referral lists and details, scoped by <see cref="DataScopes"/>. Who the company is (name, organisation
/// number, website) is selected only when the viewer may see the company's record or the company has
/// consented to share its data with partners: without consent the receiving side gets the need but not the
/// identity, and the name never leaves the database.
/// </summary>
public static class ReferralQueries
{
    public static async Task<IReadOnlyList<ReferralRow>> ListAsync(AppDbContext db, Viewer viewer, ReferralFocus focus, DateTime now, CancellationToken cancellationToken = default)
    {
        var overdue = Referral.OverdueAt(now);
        var identityShown = Company.IdentityShownTo(db.Companies.VisibleTo(viewer));
        var referrals = db.Referrals.AsNoTracking().VisibleTo(viewer);
        referrals = focus switch
        {
            ReferralFocus.Open => referrals.Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted),
            ReferralFocus.WaitingForAnswer => referrals.Where(r => r.Status == ReferralStatus.Sent),
            ReferralFocus.Overdue => referrals.Where(overdue),
            ReferralFocus.Accepted => referrals.Where(r => r.Status == ReferralStatus.Accepted),
            ReferralFocus.Closed => referrals.Where(r => r.Status == ReferralStatus.Declined || r.Status == ReferralStatus.Completed || r.Status == ReferralStatus.Unanswered),
            _ => referrals,
        };
        return await referrals.AsExpandable()
            .OrderByDescending(overdue)
            .ThenByDescending(r => r.SentAt)
            .ThenByDescending(r => r.Id)
            .Take(500)
            .Select(r => new ReferralRow(
                r.Id,
                r.Status,
                r.Need!.Category!.Name,
                r.Need.Market != null ? r.Need.Market.Name : null,
                r.Need.Priority,
                identityShown.Invoke(r.Need.Company!) ? r.Need.Company!.Name : null,
                r.Need.Company!.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : "",
                r.ReceivingOrganisation!.Name,
                r.Offer != null ? r.Offer.Name : null,
                r.SentByName,
                r.SentAt,
                r.AnsweredAt,
                overdue.Invoke(r),
                r.IsFictional))
            .ToListAsync(cancellationToken);
    }

    public static async Task<ReferralDetail?> FindAsync(AppDbContext db, Viewer viewer, int id, DateTime now, CancellationToken cancellationToken = default)
    {
        var overdue = Referral.OverdueAt(now);
        var escalated = Referral.EscalatedAt(now);
        var visibleCompanies = db.Companies.VisibleTo(viewer);
        var identityShown = Company.IdentityShownTo(visibleCompanies);
        var row = await db.Referrals.AsNoTracking().VisibleTo(viewer).Where(r => r.Id == id).AsExpandable()
            .Select(r => new
            {
                r.Id,
                r.Version,
                r.Status,
                r.NeedId,
                r.Need!.CompanyId,
                CompanyVisible = visibleCompanies.Any(c => c.Id == r.Need.CompanyId),
                Consent = r.Need.Company!.SharesDataWithPartners,
                Name = identityShown.Invoke(r.Need.Company) ? r.Need.Company.Name : null,
                OrganisationNumber = identityShown.Invoke(r.Need.Company) ? r.Need.Company.OrganisationNumber : null,
                Website = identityShown.Invoke(r.Need.Company) ? r.Need.Company.Website : null,
                r.Need.Company.CountryCode,
                Region = r.Need.Company.Region != null ? r.Need.Company.Region.Name : null,
                Stage = r.Need.Company.Stage != null ? r.Need.Company.Stage.Name : null,
                Sector = r.Need.Company.Sector != null ? r.Need.Company.Sector.Name : null,
                HomeIncubatorId = r.Need.Company.HomeIncubatorId,
                SendingOrganisation = r.Need.Company.HomeIncubator != null ? r.Need.Company.HomeIncubator.Name : "",
                Category = r.Need.Category!.Name,
                Market = r.Need.Market != null ? r.Need.Market.Name : null,
                r.Need.Priority,
                r.Need.Description,
                NeedStatus = r.Need.Status,
                r.ReceivingOrganisationId,
                Receiver = r.ReceivingOrganisation!.Name,
                r.OfferId,
                Offer = r.Offer != null ? r.Offer.Name : null,
                r.Message,
                r.SentByUserId,
                r.SentByName,
                r.SentAt,
                r.AnsweredAt,
                r.AnsweredByName,
                r.Answer,
                r.CompletedAt,
                r.CompletedByName,
                r.Outcome,
                r.Feedback,
                r.IsFictional,
                r.ExternalContactEmail,
                Overdue = overdue.Invoke(r),
                Escalated = escalated.Invoke(r),
                r.PromisedWorkingDays,
                r.AnswerDueAt,
                r.EscalatesAt,
                r.ClosedUnansweredAt,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var company = new ReferredCompany(
            row.Name,
            row.OrganisationNumber,
            row.Website,
            row.CountryCode,
            row.Region,
            row.Stage,
            row.Sector,
            row.CompanyVisible ? row.CompanyId : null,
            row.Consent);
        var isReceiver = ReferralWorkflow.IsReceiver(viewer, row.ReceivingOrganisationId);
        var isSender = ReferralWorkflow.IsSender(viewer, row.SentByUserId, row.HomeIncubatorId);
        return new ReferralDetail(
            row.Id, row.Version, row.Status, row.NeedId, row.NeedStatus, company, row.SendingOrganisation, row.Category, row.Market, row.Priority, row.Description,
            row.Receiver, row.OfferId, row.Offer, row.Message, row.SentByName, row.SentAt, row.AnsweredAt, row.AnsweredByName, row.Answer,
            row.CompletedAt, row.CompletedByName, row.Outcome, row.Feedback, row.Overdue, row.IsFictional,
            CanAnswer: isReceiver && row.Status == ReferralStatus.Sent,
            CanComplete: isSender && row.Status == ReferralStatus.Accepted,
            SentByEmailTo: row.ExternalContactEmail,
            Promise: new ReferralPromise(row.PromisedWorkingDays, row.AnswerDueAt, row.EscalatesAt, row.ClosedUnansweredAt, row.Escalated),
            CanReroute: isSender && row.Escalated);
    }
}

/// <summary>The company behind a referral. Name, number and website are null when the viewer may not know who it is.</summary>
public sealed record ReferredCompany(string? Name, string? OrganisationNumber, string? Website, string CountryCode, string? Region, string? Stage, string? Sector, int? RecordId, bool SharesData)
{
    public bool IsAnonymous => Name is null;
}

public sealed record ReferralDetail(
    int Id,
    int Version,
    ReferralStatus Status,
    int NeedId,
    NeedStatus NeedStatus,
    ReferredCompany Company,
    string SendingOrganisation,
    string Category,
    string? Market,
    NeedPriority Priority,
    string Description,
    string ReceivingOrganisation,
    int? OfferId,
    string? Offer,
    string? Message,
    string SentByName,
    DateTime? SentAt,
    DateTime? AnsweredAt,
    string? AnsweredByName,
    string? Answer,
    DateTime? CompletedAt,
    string? CompletedByName,
    string? Outcome,
    string? Feedback,
    bool IsOverdue,
    bool IsFictional,
    bool CanAnswer,
    bool CanComplete,
    string? SentByEmailTo = null,
    ReferralPromise? Promise = null,
    bool CanReroute = false);

/// <summary>
/// A referral's response promise (issue 19, ADR 1762): the working days promised when it was sent (null: sent before
/// promises, 14 days), when an answer was due and when it escalates (UTC), when it was closed as "no answer", and
/// whether it waits past twice its promise now.
/// </summary>
public sealed record ReferralPromise(int? WorkingDays, DateTime? AnswerDueAt, DateTime? EscalatesAt, DateTime? ClosedUnansweredAt, bool IsEscalated);
