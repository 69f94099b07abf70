using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Dashboard;

public sealed record CategoryUnmet(string Category, int Needs, int Unmet)
{
    public double? UnmetShare => Needs == 0 ? null : (double)Unmet / Needs;
}

public sealed record MonthCount(DateOnly Month, int Needs);

public sealed record OrganisationReferrals(int OrganisationId, string Name, int Open, int Overdue);

/// <summary>
/// The project managers' dashboard, each figure from one grouped query. Referral answers count over the last
/// twelve months so the median reflects how partners answer now.
/// </summary>
public sealed record DashboardFigures(
    int ActiveOffers,
    int StaleOffers,
    int OpenNeeds,
    int AcceptedReferrals,
    int AnsweredReferrals,
    double? MedianDaysToAnswer,
    IReadOnlyList<CategoryUnmet> UnmetByCategory,
    IReadOnlyList<MonthCount> NewNeedsByMonth,
    IReadOnlyList<OrganisationReferrals> MostOpenReferrals)
{
    public const int Months = 12;

    /// <summary>Accepted (or since completed) among the referrals answered in the last twelve months.</summary>
    public double? AcceptanceRate => AnsweredReferrals == 0 ? null : (double)AcceptedReferrals / AnsweredReferrals;

    public static async Task<DashboardFigures> LoadAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var staleBefore = now - Offer.StaleAfter;
        var offers = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Published)
            .GroupBy(o => o.LastReviewedAt < staleBefore)
            .Select(g => new { Stale = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var openNeeds = await db.Needs.CountAsync(n => n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress || n.Status == NeedStatus.Referred, cancellationToken);

        var yearAgo = now.AddMonths(-Months);
        var answers = await db.Referrals.AsNoTracking()
            .Where(r => r.AnsweredAt != null && r.AnsweredAt >= yearAgo && r.SentAt != null)
            .Select(r => new { r.Status, SentAt = r.SentAt!.Value, AnsweredAt = r.AnsweredAt!.Value })
            .ToListAsync(cancellationToken);
        var accepted = answers.Count(a => a.Status is ReferralStatus.Accepted or ReferralStatus.Completed);

        var byCategory = await db.Needs.AsNoTracking().Where(n => n.Status != NeedStatus.Withdrawn)
            .GroupBy(n => n.Category!.Name)
            .Select(g => new CategoryUnmet(g.Key, g.Count(), g.Count(n => n.Status == NeedStatus.Unmet)))
            .ToListAsync(cancellationToken);

        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - Months);
        var perMonth = await db.Needs.AsNoTracking().Where(n => n.LoggedAt >= firstMonth)
            .GroupBy(n => new { n.LoggedAt.Year, n.LoggedAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var overdueBefore = now - Referral.AnswerDueWithin;
        var open = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted)
            .GroupBy(r => new { r.ReceivingOrganisationId, r.ReceivingOrganisation!.Name })
            .Select(g => new OrganisationReferrals(g.Key.ReceivingOrganisationId, g.Key.Name, g.Count(), g.Count(r => r.Status == ReferralStatus.Sent && r.SentAt < overdueBefore)))
            .ToListAsync(cancellationToken);

        return new DashboardFigures(
            offers.Where(o => !o.Stale).Sum(o => o.Count),
            offers.Where(o => o.Stale).Sum(o => o.Count),
            openNeeds,
            accepted,
            answers.Count,
            Median(answers.Select(a => (a.AnsweredAt - a.SentAt).TotalDays)),
            byCategory.OrderByDescending(c => c.UnmetShare).ThenByDescending(c => c.Needs).ThenBy(c => c.Category).ToList(),
            Enumerable.Range(0, Months).Select(i => DateOnly.FromDateTime(firstMonth.AddMonths(i)))
                .Select(m => new MonthCount(m, perMonth.Where(p => p.Year == m.Year && p.Month == m.Month).Sum(p => p.Count))).ToList(),
            open.OrderByDescending(o => o.Open).ThenBy(o => o.Name, NameOrder.Comparer()).Take(10).ToList());
    }

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
