using MediconGlobal.Core.Data;
using MediconGlobal.Core.Referrals;
using MediconGlobal.Core.Reports.Gaps;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Dashboard;

/// <summary>
/// One receiving organisation's record of keeping its response promise (issue 19 item 1): of its
/// <paramref name="Answered"/> referrals (accepted or declined, ever), <paramref name="InTime"/> were answered by their
/// due time — the promise in force when each was sent, in the organisation's working days (ADR 1762).
/// <paramref name="Promise"/> is what it promises now.
/// </summary>
public sealed record PromiseKept(int OrganisationId, string Name, OrganisationPromise Promise, int Answered, int InTime)
{
    /// <summary>The share answered within the promise, 0–1.</summary>
    public double Share => Answered == 0 ? 0 : (double)InTime / Answered;
}

/// <summary>
/// The dashboard's "answered within the promise" section: per receiving organisation, counted from the kept referrals
/// (<see cref="ReferralFacts.PromisesKept"/>, ADR 1209), so it costs no scan of the referrals per request at 300,000
/// of them; only the organisations shown are named, with one small query.
/// </summary>
public static class PromiseKeeping
{
    /// <summary>How many organisations the dashboard lists: those with most answered referrals.</summary>
    public const int Shown = 15;

    /// <summary>The organisations with most answered referrals (at most <see cref="Shown"/>), most answered first, ties by name.</summary>
    public static async Task<IReadOnlyList<PromiseKept>> LoadAsync(AppDbContext db, NeedFactsCache needFacts, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(needFacts);
        var referrals = await needFacts.ReferralsAsync(db, age, cancellationToken);
        var top = referrals.PromisesKept.OrderByDescending(p => p.Answered).ThenBy(p => p.OrganisationId).Take(Shown).ToList();
        var ids = top.Select(p => p.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var promises = await ResponsePromises.OfOrganisationsAsync(db, ids, cancellationToken);
        return top.Where(p => names.ContainsKey(p.OrganisationId))
            .Select(p => new PromiseKept(p.OrganisationId, names[p.OrganisationId], promises[p.OrganisationId], p.Answered, p.InTime))
            .OrderByDescending(p => p.Answered).ThenBy(p => p.Name, NameOrder.Comparer())
            .ToList();
    }
}
