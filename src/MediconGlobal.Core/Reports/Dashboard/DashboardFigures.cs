using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Reports.Gaps;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Dashboard;

public sealed record CategoryUnmet(string Category, int Needs, int Unmet)
{
    public double? UnmetShare => Needs == 0 ? null : (double)Unmet / Needs;
}

public sealed record MonthCount(DateOnly Month, int Needs);

public sealed record OrganisationReferrals(int OrganisationId, string Name, int Open, int Overdue);

/// <summary>
/// The project managers' dashboard: the need figures counted from the kept needs (<see cref="NeedFactsCache"/>),
/// the others each from one grouped query. Referral answers count over the last
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

    /// <summary>The figures at <paramref name="now"/> (UTC); the need figures are counted from the kept needs (ADR 1205).</summary>
    public static async Task<DashboardFigures> LoadAsync(AppDbContext db, DateTime now, NeedFactsCache needFacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(needFacts);
        var staleBefore = now - Offer.StaleAfter;
        var offers = await db.Offers.AsNoTracking().Published()
            .GroupBy(o => o.LastReviewedAt < staleBefore)
            .Select(g => new { Stale = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var needs = (await needFacts.GetAsync(db, cancellationToken)).Needs;
        var openNeeds = needs.Count(n => Need.IsActiveStatus(n.Status));

        var yearAgo = now.AddMonths(-Months);
        var answers = await db.Referrals.AsNoTracking()
            .Where(r => r.AnsweredAt != null && r.AnsweredAt >= yearAgo && r.SentAt != null)
            .Select(r => new { r.Status, SentAt = r.SentAt!.Value, AnsweredAt = r.AnsweredAt!.Value })
            .ToListAsync(cancellationToken);
        var accepted = answers.Count(a => a.Status is ReferralStatus.Accepted or ReferralStatus.Completed);

        var categoryIds = needs.Select(n => n.Fact.CategoryId).Distinct().ToList();
        var categories = await db.TaxonomyTerms.AsNoTracking().Where(t => categoryIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var byCategory = needs.Where(n => n.Status != NeedStatus.Withdrawn)
            .GroupBy(n => categories[n.Fact.CategoryId])
            .Select(g => new CategoryUnmet(g.Key, g.Count(), g.Count(n => n.Status == NeedStatus.Unmet)))
            .ToList();

        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - Months);
        var perMonth = needs.Where(n => n.LoggedAt >= firstMonth).CountBy(n => n.Fact.Month).ToDictionary();

        var overdue = Referral.OverdueAt(now);
        var open = await db.Referrals.AsNoTracking().AsExpandable()
            .Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted)
            .GroupBy(r => new { r.ReceivingOrganisationId, r.ReceivingOrganisation!.Name })
            .Select(g => new OrganisationReferrals(g.Key.ReceivingOrganisationId, g.Key.Name, g.Count(), g.Count(r => overdue.Invoke(r))))
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
                .Select(m => new MonthCount(m, perMonth.GetValueOrDefault(NeedFact.MonthOf(m.Year, m.Month)))).ToList(),
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
