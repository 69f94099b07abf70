using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Landscape;

/// <summary>
/// Keeps the collaboration network — links and centrality — between requests (one per process, registered as a
/// singleton), one graph per filter, and builds it again only when what it is drawn from changed. Every use first
/// reads <see cref="DataVersions"/> (one primary-key query); its network counter is raised by the database's
/// triggers with every change of organisations, programmes, their partners, a referral's ends, a need's company
/// or a company's home incubator, from any instance of the portal (ADR 1201), so the next request after such a
/// change, on any instance, sees the changed network. Betweenness is O(n·m): per request it took half a minute at
/// full scale (issue 12); now it is paid once per change (ADR 1203).
/// </summary>
public sealed class NetworkCache
{
    /// <summary>Filters kept per version; further ones (there are about a hundred types × countries) are built but not kept.</summary>
    public const int MaxFilters = 64;

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _gate = new();
    private long _version = -1;
    private Dictionary<NetworkFilter, NetworkGraph> _graphs = [];

    /// <summary>How many graphs were built (for tests and the benchmark).</summary>
    public int Builds { get; private set; }

    public async Task<NetworkGraph> GetAsync(AppDbContext db, NetworkFilter filter, CancellationToken cancellationToken = default)
    {
        // Read the counter before the data: a change in between costs one more build, never a stale graph.
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Network;
        if (Find(filter, version) is { } kept)
        {
            return kept;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (Find(filter, version) is { } built)
            {
                return built;
            }

            var graph = await CollaborationNetworkQuery.LoadAsync(db, filter, cancellationToken);
            Builds++;
            lock (_gate)
            {
                if (version > _version)
                {
                    (_version, _graphs) = (version, []);
                }

                if (version == _version && _graphs.Count < MaxFilters)
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

    /// <summary>The kept graph, when it is at least as new as <paramref name="version"/> (counters only grow).</summary>
    private NetworkGraph? Find(NetworkFilter filter, long version)
    {
        lock (_gate)
        {
            return _version >= version && _graphs.TryGetValue(filter, out var graph) ? graph : null;
        }
    }
}
