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
public sealed class CatalogueCache(SearchSynonyms? synonyms = null)
{
    private readonly KeptReadModel<CatalogueIndex> _index = new();

    /// <summary>How many times the index was loaded (for tests and the benchmark).</summary>
    public int Builds => _index.Builds;

    public SearchSynonyms Synonyms { get; } = synonyms ?? SearchSynonyms.None;

    public async Task<CatalogueIndex> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var version = (await DataVersions.ReadAsync(db, cancellationToken)).Catalogue;
        return await _index.GetAsync(version, (v, ct) => CatalogueIndex.LoadAsync(db, v, ct), cancellationToken);
    }
}
