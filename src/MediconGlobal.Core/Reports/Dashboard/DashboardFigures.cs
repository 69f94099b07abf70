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
/// the referral figures from the kept referrals (<see cref="ReferralFacts"/>, ADR 1209), the offers from one grouped
/// query. Referral answers count over the last twelve months so the median reflects how partners answer now.
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
    /// <param name="age">Notes when kept needs or referrals older than the data were served (ADR 1210).</param>
    public static async Task<DashboardFigures> LoadAsync(AppDbContext db, DateTime now, NeedFactsCache needFacts, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(needFacts);

        // Kept per counters and minute (ADR 1209): the catalogue's counter is read before the offers are counted,
        // the kept needs and referrals carry their own; time-based figures (stale offers, the twelve months,
        // overdue) may lag the clock by less than a minute.
        var catalogue = (await DataVersions.ReadAsync(db, cancellationToken)).Catalogue;
        var needs = await needFacts.GetAsync(db, age, cancellationToken);
        var referrals = await needFacts.ReferralsAsync(db, age, cancellationToken);
        // Figures older than the kept models are computed again in the background (ADR 1211), with a context of
        // their own: the closure holds the kept models, never this request's context.
        var minute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        return await needFacts.Dashboards.GetAsync(
            db,
            minute,
            new ReportVersions(needs.Version, catalogue, referrals.Version),
            (context, ct) => ComputeAsync(context, now, needs.Needs, referrals, ct),
            age,
            cancellationToken);
    }

    private static async Task<DashboardFigures> ComputeAsync(AppDbContext db, DateTime now, IReadOnlyList<KeptNeed> needs, ReferralFacts referrals, CancellationToken cancellationToken)
    {
        var staleBefore = now - Offer.StaleAfter;
        var offers = await db.Offers.AsNoTracking().Published()
            .GroupBy(o => o.LastReviewedAt < staleBefore)
            .Select(g => new { Stale = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var openNeeds = needs.Count(n => Need.IsActiveStatus(n.Status));

        var yearAgo = now.AddMonths(-Months);
        var (answered, accepted, daysToAnswer) = referrals.AnsweredSince(yearAgo);

        var categoryIds = needs.Select(n => n.Fact.CategoryId).Distinct().ToList();
        var categories = await db.TaxonomyTerms.AsNoTracking().Where(t => categoryIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        // Counted in one pass without grouping 200,000 needs into lists (issue 12).
        var byCategory = needs.Where(n => n.Status != NeedStatus.Withdrawn)
            .AggregateBy(n => categories[n.Fact.CategoryId], (Needs: 0, Unmet: 0), (sum, n) => (sum.Needs + 1, sum.Unmet + (n.Status == NeedStatus.Unmet ? 1 : 0)))
            .Select(c => new CategoryUnmet(c.Key, c.Value.Needs, c.Value.Unmet))
            .ToList();

        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1 - Months);
        var perMonth = needs.Where(n => n.LoggedAt >= firstMonth).CountBy(n => n.Fact.Month).ToDictionary();

        var open = await MostOpenAsync(db, referrals.OpenPerOrganisation(now), cancellationToken);

        return new DashboardFigures(
            offers.Where(o => !o.Stale).Sum(o => o.Count),
            offers.Where(o => o.Stale).Sum(o => o.Count),
            openNeeds,
            accepted,
            answered,
            MedianOfSorted(daysToAnswer),
            byCategory.OrderByDescending(c => c.UnmetShare).ThenByDescending(c => c.Needs).ThenBy(c => c.Category).ToList(),
            Enumerable.Range(0, Months).Select(i => DateOnly.FromDateTime(firstMonth.AddMonths(i)))
                .Select(m => new MonthCount(m, perMonth.GetValueOrDefault(NeedFact.MonthOf(m.Year, m.Month)))).ToList(),
            open);
    }

    /// <summary>
    /// The ten organisations with most open referrals, ties by name: only those that can be among the ten (at least
    /// as many open as the tenth) are named, with one small query.
    /// </summary>
    private static async Task<IReadOnlyList<OrganisationReferrals>> MostOpenAsync(AppDbContext db, IEnumerable<OpenReferralCount> counts, CancellationToken cancellationToken)
    {
        const int shown = 10;
        var byOpen = counts.OrderByDescending(c => c.Open).ToList();
        var least = byOpen.Count > shown ? byOpen[shown - 1].Open : 0;
        var candidates = byOpen.TakeWhile(c => c.Open >= least).ToList();
        var ids = candidates.Select(c => c.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return candidates.Where(c => names.ContainsKey(c.OrganisationId))
            .Select(c => new OrganisationReferrals(c.OrganisationId, names[c.OrganisationId], c.Open, c.Overdue))
            .OrderByDescending(o => o.Open).ThenBy(o => o.Name, NameOrder.Comparer())
            .Take(shown)
            .ToList();
    }

    public static double? Median(IEnumerable<double> values) => MedianOfSorted(values.Order().ToArray());

    private static double? MedianOfSorted(double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
