using MediconGlobal.Core.Data;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Keeps the <see cref="CatalogueIndex"/> between requests (one per process, registered as a singleton) and loads
/// it again when the catalogue changed. Every use first reads <see cref="DataVersions"/> (one primary-key query),
/// whose catalogue counter the database's triggers raise with every change of offers, their terms, the taxonomy,
/// organisations or programmes — from any instance of the portal — so the next request after a change, on any
/// instance, already answers from the changed catalogue (ADR 1201). It also carries the <see cref="SearchSynonyms"/>
/// every search of the catalogue uses (none unless the web registers them).
/// </summary>
/// <param name="rebuilds">Given, an index older than the catalogue is built again in the background (ADR 1210).</param>
public sealed class CatalogueCache(SearchSynonyms? synonyms = null, ReadModelRebuilds? rebuilds = null)
{
    private readonly KeptReadModel<CatalogueIndex> _index = new(rebuilds);

    /// <summary>How many times the index was loaded (for tests and the benchmark).</summary>
    public int Builds => _index.Builds;

    public SearchSynonyms Synonyms { get; } = synonyms ?? SearchSynonyms.None;

    public Task<CatalogueIndex> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => GetAsync(db, null, cancellationToken);

    /// <summary>The index, the previous one while a newer one is being built (noted in <paramref name="age"/>, ADR 1210).</summary>
    public async Task<CatalogueIndex> GetAsync(AppDbContext db, ReadModelAge? age, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Catalogue;
        return await _index.GetAsync(db, version, CatalogueIndex.LoadAsync, age, cancellationToken);
    }
}
