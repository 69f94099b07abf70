using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Keeps the <see cref="CatalogueIndex"/> between requests (one per process, registered as a singleton) and loads
/// it again when the catalogue changed. Every use first reads <see cref="DataVersions"/> (one primary-key query),
/// whose catalogue counter the database's triggers raise with every change of offers, their terms, the taxonomy,
/// organisations or programmes — from any instance of the portal — so the next request after a change, on any
/// instance, already answers from the changed catalogue (ADR 1201).
/// </summary>
public sealed class CatalogueCache
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private CatalogueIndex? _current;

    /// <summary>How many times the index was loaded (for tests and the benchmark).</summary>
    public int Builds { get; private set; }

    public async Task<CatalogueIndex> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // Counters only grow: an index at least as new as the counter just read is current.
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Catalogue;
        if (_current is { } current && current.Version >= version)
        {
            return current;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Version >= version)
            {
                return built;
            }

            var index = await CatalogueIndex.LoadAsync(db, version, cancellationToken);
            _current = index;
            Builds++;
            return index;
        }
        finally
        {
            _building.Release();
        }
    }
}
