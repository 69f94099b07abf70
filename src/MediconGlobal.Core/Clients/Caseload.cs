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
/// <remarks>
/// Two queries (issue 12: per-company subqueries timed out on PostgreSQL for an administrator's 50,000 clients).
/// The first pages the clients by their attention figures, which come from two grouped queries over the listed
/// clients' open needs and unanswered referrals, joined once (a hash join on PostgreSQL; on SQLite a walk from
/// the listed clients through the needs' (company, status) index when the list is narrow). The second reads
/// the page's 50 rows only: names of stage, sector and incubator, and the dates of the last activity.
/// </remarks>
public static class Caseload
{
    public const int PageSize = 50;

    public static async Task<CaseloadPage> LoadAsync(AppDbContext db, Viewer viewer, CaseloadFilter filter, DateTime now, CancellationToken cancellationToken = default)
    {
        var overdueBefore = now - Referral.AnswerDueWithin;
        var companies = Filter(db.Companies.AsNoTracking().VisibleTo(viewer), viewer, filter);
        var openNeeds =
            from n in db.Needs.AsNoTracking()
            join c in companies on n.CompanyId equals c.Id
            where n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred
            group n by n.CompanyId into g
            select new { CompanyId = g.Key, Count = g.Count() };
        var unanswered =
            from r in db.Referrals.AsNoTracking()
            join n in db.Needs.AsNoTracking() on r.NeedId equals n.Id
            join c in companies on n.CompanyId equals c.Id
            where r.Status == ReferralStatus.Sent
            group r by n.CompanyId into g
            select new { CompanyId = g.Key, Waiting = g.Count(), Overdue = g.Count(r => r.SentAt < overdueBefore) };
        var attention =
            from c in companies
            join o in openNeeds on c.Id equals o.CompanyId into open
            from o in open.DefaultIfEmpty()
            join u in unanswered on c.Id equals u.CompanyId into waiting
            from u in waiting.DefaultIfEmpty()
                // "(int?)x!.Count ?? 0", not "x == null ? 0 : x.Count": EF translates only the former in ORDER BY and WHERE
                // (a missing left-joined row reads as SQL NULL).
            select new { c.Id, c.Name, OpenNeeds = (int?)o!.Count ?? 0, Waiting = (int?)u!.Waiting ?? 0, Overdue = (int?)u!.Overdue ?? 0 };
        attention = filter.Focus switch
        {
            CaseloadFocus.OpenNeeds => attention.Where(a => a.OpenNeeds > 0),
            CaseloadFocus.WaitingForAnswer => attention.Where(a => a.Waiting > 0),
            CaseloadFocus.Overdue => attention.Where(a => a.Overdue > 0),
            _ => attention,
        };

        var total = await attention.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await attention
            .OrderByDescending(a => a.Overdue)
            .ThenByDescending(a => a.Waiting)
            .ThenByDescending(a => a.OpenNeeds)
            .ThenByName(a => a.Name, db)
            .ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var details = await db.Companies.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.CountryCode,
                Stage = c.Stage != null ? c.Stage.Name : null,
                Sector = c.Sector != null ? c.Sector.Name : null,
                HomeIncubator = c.HomeIncubator != null ? c.HomeIncubator.Name : null,
                c.CreatedAt,
                NeedChanged = c.Needs.SelectMany(n => n.StatusHistory).Max(h => (DateTime?)h.ChangedAt),
                Answered = c.Needs.SelectMany(n => n.Referrals).Max(r => r.AnsweredAt),
                Completed = c.Needs.SelectMany(n => n.Referrals).Max(r => r.CompletedAt),
                Noted = c.Notes.Max(n => (DateTime?)n.CreatedAt),
                Consented = c.ConsentRecords.Max(r => (DateTime?)r.RecordedAt),
                c.SharesDataWithPartners,
                c.IsFictional,
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        // A client deleted between the two queries is left out of the page.
        var result = rows.Where(r => details.ContainsKey(r.Id)).Select(r =>
        {
            var c = details[r.Id];
            return new CaseloadRow(
                r.Id, r.Name, c.CountryCode, c.Stage, c.Sector, c.HomeIncubator, r.OpenNeeds, r.Waiting, r.Overdue,
                Latest(c.CreatedAt, c.NeedChanged, c.Answered, c.Completed, c.Noted, c.Consented), c.SharesDataWithPartners, c.IsFictional);
        }).ToList();
        return new CaseloadPage(result, total, page, PageSize);
    }

    private static IQueryable<Company> Filter(IQueryable<Company> companies, Viewer viewer, CaseloadFilter filter)
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

        return companies;
    }

    /// <summary>The latest dated step; the record's creation only when nothing has happened yet.</summary>
    private static DateTime Latest(DateTime created, params DateTime?[] steps) =>
        steps.OfType<DateTime>().DefaultIfEmpty(created).Max();
}
