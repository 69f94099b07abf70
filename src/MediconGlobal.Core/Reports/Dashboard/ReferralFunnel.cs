using LinqKit;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Dashboard;

/// <summary>The steps of the referral funnel (issue 19 item 8, ADR 1778), each a subset of the one before.</summary>
public enum FunnelStep
{
    /// <summary>Needs logged (with a receiving organisation chosen: needs referred to it, suggestions included).</summary>
    Needs,

    /// <summary>Needs with a referral that was sent.</summary>
    Referred,

    /// <summary>Needs with a referral the receiving side accepted (<see cref="Referral.Serves"/>: accepted, or since completed).</summary>
    Accepted,

    /// <summary>Needs with a completed referral.</summary>
    Completed,

    /// <summary>Needs with a completed referral whose result the company confirmed or a follow-up answered.</summary>
    OutcomeKnown,

    /// <summary>Needs with a referral whose follow-up was answered (<see cref="Referral.FollowUpAnswered"/>).</summary>
    FollowUpAnswered,
}

/// <summary>What the funnel counts: every need, or those of one category, company region and receiving organisation.</summary>
public sealed record FunnelFilter(int? CategoryId = null, int? RegionId = null, int? OrganisationId = null);

/// <summary>One step: how many needs reached it and the median days from the step before (per referral), null without any.</summary>
public sealed record FunnelStage(FunnelStep Step, int Needs, double? MedianDays);

/// <summary>
/// The portal's referral funnel (issue 19 item 8): needs → referred → accepted → completed → outcome known → follow-up
/// answered, counted in needs, with the median days of each step and what founders said (ADR 1778). Computed from
/// <see cref="ReferralFunnelFacts"/>, the kept needs and referrals, so a request costs one pass in memory.
/// </summary>
/// <param name="Stages">The six steps in order.</param>
/// <param name="FounderGotHelp">Needs with a referral whose founder said "I got help".</param>
/// <param name="FounderNobodyContacted">Needs with a referral whose founder said "nobody contacted me" (<see cref="Referral.FounderSaysNobodyContacted"/>).</param>
/// <param name="OrganisationIds">The organisations that received referrals (the filter's choices).</param>
public sealed record ReferralFunnel(IReadOnlyList<FunnelStage> Stages, int FounderGotHelp, int FounderNobodyContacted, IReadOnlyList<int> OrganisationIds)
{
    /// <summary>The number of needs at <paramref name="step"/>.</summary>
    public int this[FunnelStep step] => Stages[(int)step].Needs;

    /// <summary>The share of the first step's needs that reached <paramref name="step"/>, null when there are none.</summary>
    public double? ShareOfNeeds(FunnelStep step) => this[FunnelStep.Needs] == 0 ? null : (double)this[step] / this[FunnelStep.Needs];

    /// <summary>The funnel of <paramref name="filter"/> from the kept facts (rebuilt when <see cref="DataVersions.Casework"/> moved).</summary>
    public static async Task<ReferralFunnel> LoadAsync(AppDbContext db, ReferralFunnelCache cache, FunnelFilter filter, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return await cache.FunnelAsync(db, filter, age, cancellationToken);
    }
}

/// <summary>
/// Every need and referral reduced to what the funnel counts (ADR 1778), as of one <see cref="DataVersions.Casework"/>
/// counter (raised by every change of companies, needs and referrals, ADR 1207): per need its category, its company's
/// region and when it was logged; per referral its need, receiver and the time of each step. Two queries; about 60
/// bytes a referral and 20 a need (some 22 MB at the full scale of 300,000 referrals). Immutable.
/// </summary>
public sealed class ReferralFunnelFacts
{
    // The bit of a need's steps that says it has a referral passing the filter (the steps use bits 1 to 5).
    private const byte Listed = 1 << 7;

    private readonly KeptFunnelNeed[] _needs;
    private readonly KeptFunnelReferral[] _referrals;

    private ReferralFunnelFacts(long version, KeptFunnelNeed[] needs, KeptFunnelReferral[] referrals) =>
        (Version, _needs, _referrals) = (version, needs, referrals);

    /// <summary>The counter read before the needs and referrals were loaded.</summary>
    public long Version { get; }

    /// <summary>Loads every need and referral; <paramref name="version"/> is the counter the caller read first.</summary>
    public static async Task<ReferralFunnelFacts> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var needs = await db.Needs.AsNoTracking()
            .Select(n => new { n.Id, n.CategoryId, n.Company!.RegionId, n.LoggedAt })
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var ids = needs.Select(n => n.Id).ToArray();
        var referrals = new List<KeptFunnelReferral>(needs.Count * 3 / 2);
        var rows = db.Referrals.AsNoTracking().AsExpandable()
            .Select(r => new
            {
                r.NeedId,
                r.ReceivingOrganisationId,
                r.SentAt,
                r.AnsweredAt,
                Serves = Referral.Serves.Invoke(r),
                r.CompletedAt,
                r.FounderConfirmation,
                r.FounderConfirmedAt,
                r.AdvisorFollowUpAt,
                r.FounderFollowUpAt,
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            // A need added between the two queries is left out with its referrals: the facts are one moment's.
            var need = Array.BinarySearch(ids, r.NeedId);
            if (need < 0)
            {
                continue;
            }

            var followUp = Earliest(r.AdvisorFollowUpAt, r.FounderFollowUpAt);
            referrals.Add(new KeptFunnelReferral(
                need,
                r.ReceivingOrganisationId,
                r.SentAt,
                r.Serves ? r.AnsweredAt : null,
                r.CompletedAt,
                r.CompletedAt is null ? null : Earliest(r.FounderConfirmation is null ? null : r.FounderConfirmedAt, followUp),
                followUp,
                r.FounderConfirmation));
        }

        return new ReferralFunnelFacts(
            version,
            [.. needs.Select(n => new KeptFunnelNeed(n.CategoryId, n.RegionId, n.LoggedAt))],
            [.. referrals]);
    }

    /// <summary>The funnel of the needs and referrals that pass <paramref name="filter"/>.</summary>
    public ReferralFunnel Compute(FunnelFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var reached = new byte[_needs.Length];
        var said = new byte[_needs.Length];
        var days = Enumerable.Range(0, 6).Select(_ => new List<double>()).ToArray();
        var organisations = new HashSet<int>();
        foreach (var r in _referrals)
        {
            organisations.Add(r.OrganisationId);
            var need = _needs[r.NeedIndex];
            if (!Passes(need, filter) || (filter.OrganisationId is { } organisation && r.OrganisationId != organisation))
            {
                continue;
            }

            reached[r.NeedIndex] |= Listed;
            Step(FunnelStep.Referred, r.SentAt, need.LoggedAt);
            Step(FunnelStep.Accepted, r.AcceptedAt, r.SentAt);
            Step(FunnelStep.Completed, r.CompletedAt, r.AcceptedAt);
            Step(FunnelStep.OutcomeKnown, r.OutcomeKnownAt, r.CompletedAt);
            Step(FunnelStep.FollowUpAnswered, r.FollowUpAt, r.CompletedAt);
            said[r.NeedIndex] |= (byte)(r.Founder switch
            {
                FounderConfirmation.GotHelp => 1,
                FounderConfirmation.NobodyContacted => 2,
                _ => 0,
            });

            void Step(FunnelStep step, DateTime? at, DateTime? from)
            {
                if (at is { } reachedAt)
                {
                    reached[r.NeedIndex] |= (byte)(1 << (int)step);
                    if (from is { } start)
                    {
                        // A founder who confirmed before completion makes the outcome known at completion.
                        days[(int)step].Add(Math.Max(0, (reachedAt - start).TotalDays));
                    }
                }
            }
        }

        var counts = new int[6];
        var (gotHelp, nobody) = (0, 0);
        for (var i = 0; i < _needs.Length; i++)
        {
            // With a receiving organisation chosen, the funnel starts from the needs referred (or suggested) to it.
            var counted = filter.OrganisationId is null ? Passes(_needs[i], filter) : (reached[i] & Listed) != 0;
            if (!counted)
            {
                continue;
            }

            counts[0]++;
            for (var step = 1; step < 6; step++)
            {
                counts[step] += (reached[i] >> step) & 1;
            }

            gotHelp += said[i] & 1;
            nobody += (said[i] >> 1) & 1;
        }

        var stages = Enum.GetValues<FunnelStep>()
            .Select(step => new FunnelStage(step, counts[(int)step], DashboardFigures.Median(days[(int)step])))
            .ToList();
        return new ReferralFunnel(stages, gotHelp, nobody, [.. organisations.Order()]);
    }

    private static bool Passes(KeptFunnelNeed need, FunnelFilter filter) =>
        (filter.CategoryId is null || need.CategoryId == filter.CategoryId) && (filter.RegionId is null || need.RegionId == filter.RegionId);

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private readonly record struct KeptFunnelNeed(int CategoryId, int? RegionId, DateTime LoggedAt);

    /// <summary>
    /// One referral as the funnel keeps it: 56 bytes, not the 96 of five nullable times, since a full-scale portal
    /// keeps 300,000 of them (issue 12; docs/performance.md, "A fair yardstick, and where the memory is"). A time
    /// that is not there is kept as <see cref="DateTime"/>'s default (year 1), which no referral has.
    /// </summary>
    private readonly struct KeptFunnelReferral
    {
        private readonly DateTime _sentAt;
        private readonly DateTime _acceptedAt;
        private readonly DateTime _completedAt;
        private readonly DateTime _outcomeKnownAt;
        private readonly DateTime _followUpAt;

        /// <param name="acceptedAt">The answer's time when the receiver serves the need (<see cref="Referral.Serves"/>).</param>
        /// <param name="outcomeKnownAt">For a completed referral, the founder's answer or the first follow-up answer, whichever came first.</param>
        public KeptFunnelReferral(int needIndex, int organisationId, DateTime? sentAt, DateTime? acceptedAt, DateTime? completedAt, DateTime? outcomeKnownAt, DateTime? followUpAt, FounderConfirmation? founder)
        {
            (NeedIndex, OrganisationId, Founder) = (needIndex, organisationId, founder);
            (_sentAt, _acceptedAt, _completedAt, _outcomeKnownAt, _followUpAt) = (sentAt ?? default, acceptedAt ?? default, completedAt ?? default, outcomeKnownAt ?? default, followUpAt ?? default);
        }

        public int NeedIndex { get; }

        public int OrganisationId { get; }

        public FounderConfirmation? Founder { get; }

        public DateTime? SentAt => Kept(_sentAt);

        public DateTime? AcceptedAt => Kept(_acceptedAt);

        public DateTime? CompletedAt => Kept(_completedAt);

        public DateTime? OutcomeKnownAt => Kept(_outcomeKnownAt);

        public DateTime? FollowUpAt => Kept(_followUpAt);

        private static DateTime? Kept(DateTime at) => at == default ? null : at;
    }
}
