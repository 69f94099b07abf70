using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>A problem report nobody at the provider has answered in time, as the dashboard lists it.</summary>
public sealed record OverdueProblemReport(int Id, int OfferId, string Offer, int OrganisationId, string Organisation, DateTime SubmittedAt);

/// <summary>
/// Problem reports about listings (<see cref="CorrectionRequest"/>) as a closed loop (issue 17 item 4): project
/// managers see those left unanswered for <see cref="CorrectionRequest.AnswerDueWithin"/> (rule
/// <see cref="CorrectionRequest.IsOverdueAt"/>).
/// </summary>
public static class ProblemReports
{
    /// <summary>The <paramref name="limit"/> oldest overdue reports at <paramref name="now"/> (UTC), and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<OverdueProblemReport> Oldest, int Count)> OverdueAsync(AppDbContext db, DateTime now, int limit = 20, CancellationToken cancellationToken = default)
    {
        var overdue = db.CorrectionRequests.AsNoTracking().Where(CorrectionRequest.IsOverdueAt(now));
        var count = await overdue.CountAsync(cancellationToken);
        var oldest = count == 0 ? [] : await overdue.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(limit)
            .Select(c => new OverdueProblemReport(c.Id, c.OfferId, c.Offer!.Name, c.OrganisationId, db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).First(), c.SubmittedAt))
            .ToListAsync(cancellationToken);
        return (oldest, count);
    }
}
