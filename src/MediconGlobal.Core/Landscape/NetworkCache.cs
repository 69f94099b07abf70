using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Landscape;

/// <summary>A graph as <see cref="NetworkCache"/> keeps it: built when <see cref="DataVersions.Network"/> was <see cref="Version"/>.</summary>
public sealed record KeptNetwork(NetworkGraph Graph, long Version);

/// <summary>
/// Keeps the collaboration network — links and centrality — between requests (one per process, registered as a
/// singleton), one graph per filter, each with the <see cref="DataVersions.Network"/> counter it was built at. The
/// counter is raised by the database's triggers with every change of organisations, programmes, their partners, a
/// referral's ends, a need's company or a company's home incubator, from any instance of the portal (ADR 1201).
/// Betweenness is O(n·m): at full scale a build takes tens of seconds (issue 12), so a request never waits for a
/// rebuild once a graph of its filter exists: it gets the last graph built, and a graph found older than the counter
/// is built again in the background (<see cref="RefreshAsync"/>, run by the portal's refresher whenever
/// <see cref="WaitForStaleAsync"/> returns), after which requests get the new one (ADR 1206).
/// </summary>
public sealed class NetworkCache
{
    /// <summary>Filters kept; further ones (there are about a hundred types × countries) are built for their request but not kept.</summary>
    public const int MaxFilters = 64;

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly SemaphoreSlim _stale = new(0, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<NetworkFilter, KeptNetwork> _graphs = [];
    private readonly HashSet<NetworkFilter> _wanted = [];

    /// <summary>How many graphs were built (for tests and the benchmark).</summary>
    public int Builds { get; private set; }

    /// <summary>
    /// The last graph built for <paramref name="filter"/>, which may be older than the network's counter (a rebuild
    /// is then asked of the refresher); built in this request only when there is none yet.
    /// </summary>
    public async Task<NetworkGraph> GetAsync(AppDbContext db, NetworkFilter filter, CancellationToken cancellationToken = default) =>
        (await GetKeptAsync(db, filter, cancellationToken)).Graph;

    /// <inheritdoc cref="GetAsync"/>
    public async Task<KeptNetwork> GetKeptAsync(AppDbContext db, NetworkFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Network;
        lock (_gate)
        {
            if (_graphs.TryGetValue(filter, out var kept))
            {
                if (kept.Version < version && _wanted.Add(filter) && _stale.CurrentCount == 0)
                {
                    _stale.Release();
                }

                return kept;
            }
        }

        return await BuildAsync(db, filter, version, cancellationToken);
    }

    /// <summary>
    /// Builds again, one after another, the kept graphs found older than the network's counter by a request since
    /// the last refresh, and the unfiltered graph when it is older (the landscape's and the findings report's
    /// default); the others are built again when a request finds them old. Returns how many were built.
    /// </summary>
    public async Task<int> RefreshAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_graphs.Count == 0)
            {
                return 0;
            }
        }

        // Read the counter before the data: a change in between costs one more build, never a graph marked newer than it is.
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Network;
        List<NetworkFilter> stale;
        lock (_gate)
        {
            _wanted.Add(new NetworkFilter());
            stale = [.. _wanted.Where(f => _graphs.TryGetValue(f, out var kept) && kept.Version < version)];
            _wanted.Clear();
        }

        foreach (var filter in stale)
        {
            await BuildAsync(db, filter, version, cancellationToken);
        }

        return stale.Count;
    }

    /// <summary>Returns when a request found a kept graph older than the counter, or after <paramref name="timeout"/>.</summary>
    public async Task WaitForStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await _stale.WaitAsync(timeout, cancellationToken);

    private async Task<KeptNetwork> BuildAsync(AppDbContext db, NetworkFilter filter, long version, CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                if (_graphs.TryGetValue(filter, out var built) && built.Version >= version)
                {
                    return built;
                }
            }

            var graph = new KeptNetwork(await CollaborationNetworkQuery.LoadAsync(db, filter, cancellationToken), version);
            Builds++;
            lock (_gate)
            {
                if (_graphs.ContainsKey(filter) || _graphs.Count < MaxFilters)
                {
                    _graphs[filter] = graph;
                }
            }

            return graph;
        }
        finally
        {
            _building.Release();
        }
    }
}
