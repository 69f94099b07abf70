using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports;

/// <summary>One organisation's referrals still being worked on: <see cref="Open"/> sent or accepted, of which <see cref="Overdue"/> overdue at the request's "now".</summary>
public readonly record struct OpenReferralCount(int OrganisationId, int Open, int Overdue);

/// <summary>
/// One receiving organisation's answered referrals (accepted or declined, whatever came after): <see cref="Answered"/>
/// of them, <see cref="InTime"/> answered by their due time (the promise they were sent under, ADR 1762).
/// </summary>
public readonly record struct PromiseCount(int OrganisationId, int Answered, int InTime);

/// <summary>
/// Every referral reduced to what the dashboard and the scope report count (ADR 1209), as of one
/// <see cref="DataVersions.Casework"/> counter, which the database's triggers raise with every change of companies,
/// needs and referrals on any instance (ADR 1207): the answered ones in answer order (when, days to answer,
/// whether the answer was to serve), the open ones per receiving organisation with the answer-due times of those still
/// waiting (overdue is counted at the request's "now", so time passing needs no rebuild), per receiving organisation
/// how many were answered and how many of those within the promise (ADR 1762), and per need the
/// organisation serving it (<see cref="Referral.Serves"/>, the latest answer). Loaded with one query over the
/// referrals; about 20 bytes a referral (6 MB for the 300,000 of full scale). Immutable.
/// </summary>
public sealed class ReferralFacts
{
    // Answered referrals with a send time, ascending by answer time.
    private readonly DateTime[] _answeredAt;
    private readonly double[] _daysToAnswer;
    private readonly bool[] _served;

    // Open referrals per receiving organisation; the waiting ones' due times of organisation i are
    // [_waitingStart[i], _waitingStart[i + 1]) of _waitingSentAt, ascending.
    private readonly int[] _organisationIds;
    private readonly int[] _open;
    private readonly int[] _waitingStart;
    private readonly DateTime[] _waitingSentAt;

    // The organisation serving each need (ascending need ids).
    private readonly int[] _servedNeedIds;
    private readonly int[] _servingOrganisationIds;

    // Answered referrals per receiving organisation, ascending by organisation id.
    private readonly PromiseCount[] _promises;

    private ReferralFacts(long version, DateTime[] answeredAt, double[] daysToAnswer, bool[] served, int[] organisationIds, int[] open, int[] waitingStart, DateTime[] waitingSentAt, int[] servedNeedIds, int[] servingOrganisationIds, PromiseCount[] promises)
    {
        _promises = promises;
        Version = version;
        (_answeredAt, _daysToAnswer, _served) = (answeredAt, daysToAnswer, served);
        (_organisationIds, _open, _waitingStart, _waitingSentAt) = (organisationIds, open, waitingStart, waitingSentAt);
        (_servedNeedIds, _servingOrganisationIds) = (servedNeedIds, servingOrganisationIds);
    }

    /// <summary>The <see cref="DataVersions.Casework"/> counter read before the referrals were loaded.</summary>
    public long Version { get; }

    /// <summary>Loads every referral; <paramref name="version"/> is the counter the caller read first.</summary>
    public static async Task<ReferralFacts> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answered = new List<(DateTime At, double Days, bool Served)>();
        var open = new Dictionary<int, (int Open, List<DateTime> Waiting)>();
        var serving = new Dictionary<int, (DateTime? At, int Id, int OrganisationId)>();
        var promises = new Dictionary<int, (int Answered, int InTime)>();
        var rows = db.Referrals.AsNoTracking().AsExpandable()
            .Select(r => new { r.Id, r.NeedId, r.ReceivingOrganisationId, r.Status, r.SentAt, r.AnswerDueAt, r.AnsweredAt, Serves = Referral.Serves.Invoke(r) })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            if (r is { AnsweredAt: { } answeredAt, SentAt: { } sentAt })
            {
                answered.Add((answeredAt, (answeredAt - sentAt).TotalDays, r.Serves));
                var (count, inTime) = promises.GetValueOrDefault(r.ReceivingOrganisationId);
                promises[r.ReceivingOrganisationId] = (count + 1, inTime + (answeredAt <= r.AnswerDueAt ? 1 : 0));
            }

            // Open: still waiting for an answer, or accepted and not completed yet.
            if (r.Status is ReferralStatus.Sent or ReferralStatus.Accepted)
            {
                var (count, waiting) = open.TryGetValue(r.ReceivingOrganisationId, out var kept) ? kept : (0, new List<DateTime>());
                if (r.Status == ReferralStatus.Sent)
                {
                    // Without a due time a waiting referral is never overdue, as the comparison in SQL has it.
                    waiting.Add(r.AnswerDueAt ?? DateTime.MaxValue);
                }

                open[r.ReceivingOrganisationId] = (count + 1, waiting);
            }

            // The need's serving organisation: the receiver of its latest serving answer (ADR 1740).
            if (r.Serves && (!serving.TryGetValue(r.NeedId, out var latest) || (r.AnsweredAt ?? DateTime.MinValue, r.Id).CompareTo((latest.At ?? DateTime.MinValue, latest.Id)) > 0))
            {
                serving[r.NeedId] = (r.AnsweredAt, r.Id, r.ReceivingOrganisationId);
            }
        }

        answered.Sort((a, b) => a.At.CompareTo(b.At));
        var organisations = open.Keys.Order().ToArray();
        var waitingStart = new int[organisations.Length + 1];
        var waitingSentAt = new List<DateTime>();
        for (var i = 0; i < organisations.Length; i++)
        {
            var waiting = open[organisations[i]].Waiting;
            waiting.Sort();
            waitingSentAt.AddRange(waiting);
            waitingStart[i + 1] = waitingSentAt.Count;
        }

        var servedNeeds = serving.Keys.Order().ToArray();
        return new ReferralFacts(
            version,
            [.. answered.Select(a => a.At)],
            [.. answered.Select(a => a.Days)],
            [.. answered.Select(a => a.Served)],
            organisations,
            [.. organisations.Select(o => open[o].Open)],
            waitingStart,
            [.. waitingSentAt],
            servedNeeds,
            [.. servedNeeds.Select(n => serving[n].OrganisationId)],
            [.. promises.OrderBy(p => p.Key).Select(p => new PromiseCount(p.Key, p.Value.Answered, p.Value.InTime))]);
    }

    /// <summary>
    /// The referrals answered at or after <paramref name="since"/> (UTC): how many, how many of them the receiver
    /// serves (accepted, or since completed), and the days from sending to answer of each, ascending.
    /// </summary>
    public (int Answered, int Served, double[] DaysToAnswer) AnsweredSince(DateTime since)
    {
        var first = LowerBound(_answeredAt, 0, _answeredAt.Length, since);
        var days = _daysToAnswer[first..];
        Array.Sort(days);
        return (_answeredAt.Length - first, _served.AsSpan(first).Count(true), days);
    }

    /// <summary>Per receiving organisation that has answered referrals, how many and how many within their promise, ascending by organisation id.</summary>
    public IReadOnlyList<PromiseCount> PromisesKept => _promises;

    /// <summary>Per receiving organisation with open referrals, how many are open and how many of them still wait past their due time at <paramref name="now"/> (UTC; <see cref="Referral.OverdueAt"/>).</summary>
    public IEnumerable<OpenReferralCount> OpenPerOrganisation(DateTime now)
    {
        for (var i = 0; i < _organisationIds.Length; i++)
        {
            var start = _waitingStart[i];
            yield return new OpenReferralCount(_organisationIds[i], _open[i], LowerBound(_waitingSentAt, start, _waitingStart[i + 1], now) - start);
        }
    }

    /// <summary>The organisation serving the need (the receiver of its latest accepted or completed referral), if any.</summary>
    public int? ServingOrganisation(int needId)
    {
        var at = Array.BinarySearch(_servedNeedIds, needId);
        return at >= 0 ? _servingOrganisationIds[at] : null;
    }

    /// <summary>The first index in [<paramref name="start"/>, <paramref name="end"/>) of the ascending <paramref name="times"/> not before <paramref name="value"/>.</summary>
    private static int LowerBound(DateTime[] times, int start, int end, DateTime value)
    {
        var (low, high) = (start, end);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (times[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
