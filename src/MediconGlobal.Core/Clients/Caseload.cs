using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Security;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Clients;

/// <summary>Which clients to list: those needing attention, or all.</summary>
public enum CaseloadFocus
{
    All,
    OpenNeeds,
    WaitingForAnswer,
    Overdue,
}

public sealed record CaseloadFilter(
    string? Query = null,
    string? Country = null,
    int? StageId = null,
    int? SectorId = null,
    int? IncubatorId = null,
    CaseloadFocus Focus = CaseloadFocus.All,
    bool MineOnly = false,
    int Page = 1);

public sealed record CaseloadRow(
    int Id,
    string Name,
    string Country,
    string? Stage,
    string? Sector,
    string? HomeIncubator,
    int OpenNeeds,
    int WaitingForAnswer,
    int Overdue,
    DateTime LastActivity,
    bool SharesData,
    bool IsFictional);

public sealed record CaseloadPage(IReadOnlyList<CaseloadRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// An advisor's caseload: the clients the viewer may see, with their open needs, referrals waiting for an
/// answer, overdue ones (unanswered for 14 days) and the last activity (the latest dated step on the client's
/// timeline: a need logged or changed, a referral sent, answered or completed, a note, consent). Clients
/// needing attention come first.
/// </summary>
public static class Caseload
{
    public const int PageSize = 50;

    public static async Task<CaseloadPage> LoadAsync(AppDbContext db, Viewer viewer, CaseloadFilter filter, DateTime now, CancellationToken cancellationToken = default)
    {
        var overdueBefore = now - Referral.AnswerDueWithin;
        var companies = Filter(db.Companies.AsNoTracking().VisibleTo(viewer), viewer, filter, overdueBefore);
        var total = await companies.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await companies
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.CountryCode,
                Stage = c.Stage != null ? c.Stage.Name : null,
                Sector = c.Sector != null ? c.Sector.Name : null,
                HomeIncubator = c.HomeIncubator != null ? c.HomeIncubator.Name : null,
                OpenNeeds = c.Needs.Count(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred),
                Waiting = c.Needs.SelectMany(n => n.Referrals).Count(r => r.Status == ReferralStatus.Sent),
                Overdue = c.Needs.SelectMany(n => n.Referrals).Count(r => r.Status == ReferralStatus.Sent && r.SentAt < overdueBefore),
                c.CreatedAt,
                NeedChanged = c.Needs.SelectMany(n => n.StatusHistory).Max(h => (DateTime?)h.ChangedAt),
                Answered = c.Needs.SelectMany(n => n.Referrals).Max(r => r.AnsweredAt),
                Completed = c.Needs.SelectMany(n => n.Referrals).Max(r => r.CompletedAt),
                Noted = c.Notes.Max(n => (DateTime?)n.CreatedAt),
                Consented = c.ConsentRecords.Max(r => (DateTime?)r.RecordedAt),
                c.SharesDataWithPartners,
                c.IsFictional,
            })
            .OrderByDescending(c => c.Overdue)
            .ThenByDescending(c => c.Waiting)
            .ThenByDescending(c => c.OpenNeeds)
            .ThenByName(c => c.Name, db)
            .ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        var result = rows.Select(c => new CaseloadRow(
            c.Id, c.Name, c.CountryCode, c.Stage, c.Sector, c.HomeIncubator, c.OpenNeeds, c.Waiting, c.Overdue,
            Latest(c.CreatedAt, c.NeedChanged, c.Answered, c.Completed, c.Noted, c.Consented), c.SharesDataWithPartners, c.IsFictional)).ToList();
        return new CaseloadPage(result, total, page, PageSize);
    }

    private static IQueryable<Company> Filter(IQueryable<Company> companies, Viewer viewer, CaseloadFilter filter, DateTime overdueBefore)
    {
        if (TextNormalizer.Normalize(filter.Query) is { Length: > 0 } query)
        {
            // The search text holds the organisation number as digits, so "556677-8899" is searched as "5566778899".
            var term = query.All(c => char.IsAsciiDigit(c) || c is '-' or ' ') ? OrganisationNumber.Normalize(query) : query;
            companies = companies.Where(c => c.SearchText.Contains(term));
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            companies = companies.Where(c => c.CountryCode == filter.Country);
        }

        if (filter.StageId is { } stage)
        {
            companies = companies.Where(c => c.StageId == stage);
        }

        if (filter.SectorId is { } sector)
        {
            companies = companies.Where(c => c.SectorId == sector);
        }

        if (filter.IncubatorId is { } incubator)
        {
            companies = companies.Where(c => c.HomeIncubatorId == incubator);
        }

        if (filter.MineOnly && viewer.UserId is { } userId)
        {
            companies = companies.Where(c => c.Advisors.Any(a => a.UserId == userId));
        }

        return filter.Focus switch
        {
            CaseloadFocus.OpenNeeds => companies.Where(c => c.Needs.Any(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred)),
            CaseloadFocus.WaitingForAnswer => companies.Where(c => c.Needs.Any(n => n.Referrals.Any(r => r.Status == ReferralStatus.Sent))),
            CaseloadFocus.Overdue => companies.Where(c => c.Needs.Any(n => n.Referrals.Any(r => r.Status == ReferralStatus.Sent && r.SentAt < overdueBefore))),
            _ => companies,
        };
    }

    /// <summary>The latest dated step; the record's creation only when nothing has happened yet.</summary>
    private static DateTime Latest(DateTime created, params DateTime?[] steps) =>
        steps.OfType<DateTime>().DefaultIfEmpty(created).Max();
}
