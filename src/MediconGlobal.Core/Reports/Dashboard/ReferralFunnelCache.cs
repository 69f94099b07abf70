using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Reports.Dashboard;

/// <summary>Keeps <see cref="ReferralFunnelFacts"/> per <see cref="DataVersions.Casework"/> (ADR 1778); one per process (a singleton).</summary>
/// <param name="rebuilds">Given, facts older than the counter are loaded again in the background (ADR 1210).</param>
public sealed class ReferralFunnelCache(ReadModelRebuilds? rebuilds = null)
{
    /// <summary>Funnels kept per version at most: the filters people combine are few; more are computed each time.</summary>
    public const int KeptFunnels = 256;

    private static readonly FunnelFilter Unfiltered = new();

    private readonly KeptReadModel<ReferralFunnelFacts> _facts = new(rebuilds);
    private readonly Lock _gate = new();
    private readonly Dictionary<FunnelFilter, ReferralFunnel> _funnels = [];
    private long _funnelsVersion = -1;
    private int _computedInRequests;

    /// <summary>How many times the facts were loaded (for tests).</summary>
    public int Builds => _facts.Builds;

    /// <summary>How many funnels a request computed itself rather than found (for tests).</summary>
    public int ComputedInRequests => _computedInRequests;

    /// <summary>The kept facts, the previous ones while newer ones are being loaded (noted in <paramref name="age"/>).</summary>
    public async Task<ReferralFunnelFacts> GetAsync(AppDbContext db, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Casework;
        return await _facts.GetAsync(db, version, LoadAsync, age, cancellationToken);
    }

    /// <summary>
    /// The facts and, with them, the unfiltered funnel the dashboard shows first: computed where the facts are loaded
    /// (in the background when they are rebuilt, ADR 1210), not by the first request that reads them (issue 12: a
    /// pass over every need and referral took that request 0.1–0.4 s on PostgreSQL while the rebuilds ran).
    /// </summary>
    private async Task<ReferralFunnelFacts> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken)
    {
        var facts = await ReferralFunnelFacts.LoadAsync(db, version, cancellationToken);
        Keep(facts.Version, Unfiltered, facts.Compute(Unfiltered));
        return facts;
    }

    /// <summary>
    /// The funnel of <paramref name="filter"/> from the kept facts, computed once per facts and filter: a computation
    /// passes over every need and referral and sorts each step's durations for its median (about 0.1 s at full scale).
    /// </summary>
    public async Task<ReferralFunnel> FunnelAsync(AppDbContext db, FunnelFilter filter, ReadModelAge? age = null, CancellationToken cancellationToken = default)
    {
        var facts = await GetAsync(db, age, cancellationToken);
        lock (_gate)
        {
            if (_funnelsVersion == facts.Version && _funnels.TryGetValue(filter, out var kept))
            {
                return kept;
            }
        }

        var funnel = facts.Compute(filter);
        Interlocked.Increment(ref _computedInRequests);
        Keep(facts.Version, filter, funnel);
        return funnel;
    }

    /// <summary>
    /// Keeps <paramref name="funnel"/> of the facts at <paramref name="version"/> unless funnels of newer facts are
    /// kept (an older version is served while a rebuild runs, and the rebuild keeps its unfiltered funnel before its
    /// facts are served); a newer version starts the kept funnels again.
    /// </summary>
    private void Keep(long version, FunnelFilter filter, ReferralFunnel funnel)
    {
        lock (_gate)
        {
            if (version > _funnelsVersion)
            {
                _funnels.Clear();
                _funnelsVersion = version;
            }

            if (version == _funnelsVersion && _funnels.Count < KeptFunnels)
            {
                _funnels[filter] = funnel;
            }
        }
    }
}
