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
/// answer, overdue ones (unanswered past the receiver's promise, ADR 1762) and the last activity (the latest dated step on the client's
/// timeline: a need logged or changed, a referral sent, answered or completed, a note, consent). Clients
/// needing attention come first.
/// </summary>
/// <remarks>
/// The attention figures come from <see cref="CaseloadAttention"/>, kept per <see cref="DataVersions.Casework"/>
/// (ADR 1207; issue 12: ranking an administrator's 50,000 clients in SQL took 2–17 s at full scale, mostly the
/// grouping of every open need and waiting referral and the name collation over the whole list). The clients the
/// viewer may see and the filter asks for are one query of ids — none when the viewer sees everything and nothing
/// narrows the list; the page's 50 rows then read their details (names of stage, sector and incubator, the dates
/// of the last activity) in one more query.
/// </remarks>
public static class Caseload
{
    public const int PageSize = 50;

    /// <param name="cache">The process's kept figures; without one they are loaded for this call alone.</param>
    public static async Task<CaseloadPage> LoadAsync(AppDbContext db, Viewer viewer, CaseloadFilter filter, DateTime now, CaseloadCache? cache = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        var attention = await (cache ?? new CaseloadCache()).GetAsync(db, cancellationToken);
        List<int>? visible = null;
        if (!viewer.SeesEverything || Narrows(filter, viewer))
        {
            visible = await Filter(db.Companies.AsNoTracking().VisibleTo(viewer), viewer, filter).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var ranked = attention.Ranked(visible, now);
        var listed = filter.Focus switch
        {
            CaseloadFocus.OpenNeeds => ranked.Where(a => a.OpenNeeds > 0).ToList(),
            CaseloadFocus.WaitingForAnswer => ranked.Where(a => a.WaitingForAnswer > 0).ToList(),
            CaseloadFocus.Overdue => ranked.Where(a => a.Overdue > 0).ToList(),
            _ => ranked,
        };

        var total = listed.Count;
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = listed.Skip((page - 1) * PageSize).Take(PageSize).ToList();

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
                r.Id, r.Name, c.CountryCode, c.Stage, c.Sector, c.HomeIncubator, r.OpenNeeds, r.WaitingForAnswer, r.Overdue,
                Latest(c.CreatedAt, c.NeedChanged, c.Answered, c.Completed, c.Noted, c.Consented), c.SharesDataWithPartners, c.IsFictional);
        }).ToList();
        return new CaseloadPage(result, total, page, PageSize);
    }

    /// <summary>Whether the filter leaves out some clients of a viewer who sees every client (focus aside, counted in memory).</summary>
    private static bool Narrows(CaseloadFilter filter, Viewer viewer) =>
        TextNormalizer.Normalize(filter.Query) is { Length: > 0 } || !string.IsNullOrEmpty(filter.Country) || filter.StageId is not null
        || filter.SectorId is not null || filter.IncubatorId is not null || (filter.MineOnly && viewer.UserId is not null);

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
