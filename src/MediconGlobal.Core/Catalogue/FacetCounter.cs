using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;

namespace MediconGlobal.Core.Catalogue;

/// <summary>An offer reduced to what the facets look at. Empty term sets mean "any" for eligibility facets.</summary>
public sealed record CatalogueEntry(
    int OfferId,
    int CategoryId,
    OfferFormat Format,
    CostType Cost,
    OrganisationType ProviderType,
    IReadOnlySet<int> MarketIds,
    IReadOnlySet<int> StageIds,
    IReadOnlySet<int> SectorIds,
    IReadOnlySet<int> RegionIds,
    IReadOnlySet<int> LanguageIds);

/// <summary>One selectable facet value: a taxonomy term id, or the number of an enum member.</summary>
public sealed record FacetOption(int Value, string Code, string Label);

public sealed record FacetValueCount(int Value, string Code, string Label, int Count, bool Selected);

public sealed record FacetCounts(Facet Facet, IReadOnlyList<FacetValueCount> Values);

/// <summary>
/// Filters catalogue entries by facet selections and counts, for each facet value, how many offers would match
/// if it were chosen with all the <em>other</em> active filters. Values of one facet are alternatives (OR);
/// facets combine (AND). Eligibility facets follow the matching rule's notion of "covers": an offer open to
/// any market, stage, sector or region covers every value, and an offer for a market covers its sub-markets.
/// </summary>
public sealed class FacetCounter(MarketHierarchy markets)
{
    public bool Covers(CatalogueEntry entry, Facet facet, int value) => facet switch
    {
        Facet.Category => entry.CategoryId == value,
        Facet.Market => entry.MarketIds.Count == 0 || entry.MarketIds.Any(markets.IsAgnostic) || entry.MarketIds.Contains(value)
            || markets.AncestorsOf(value).Any(entry.MarketIds.Contains),
        Facet.Stage => entry.StageIds.Count == 0 || entry.StageIds.Contains(value),
        Facet.Sector => entry.SectorIds.Count == 0 || entry.SectorIds.Contains(value),
        Facet.Region => entry.RegionIds.Count == 0 || entry.RegionIds.Contains(value),
        Facet.Language => entry.LanguageIds.Contains(value),
        Facet.Format => (int)entry.Format == value,
        Facet.Cost => (int)entry.Cost == value,
        Facet.ProviderType => (int)entry.ProviderType == value,
        _ => false,
    };

    /// <summary>True when the entry passes every selected facet except <paramref name="except"/>.</summary>
    public bool Passes(CatalogueEntry entry, IReadOnlyDictionary<Facet, IReadOnlySet<int>> selected, Facet? except = null) =>
        selected.All(s => s.Key == except || s.Value.Count == 0 || s.Value.Any(v => Covers(entry, s.Key, v)));

    public IReadOnlyList<CatalogueEntry> Filter(IEnumerable<CatalogueEntry> entries, IReadOnlyDictionary<Facet, IReadOnlySet<int>> selected) =>
        entries.Where(e => Passes(e, selected)).ToList();

    public IReadOnlyList<FacetCounts> Count(
        IReadOnlyList<CatalogueEntry> entries,
        IReadOnlyDictionary<Facet, IReadOnlySet<int>> selected,
        IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> options)
    {
        var result = new List<FacetCounts>();
        foreach (var (facet, values) in options)
        {
            var pool = entries.Where(e => Passes(e, selected, except: facet)).ToList();
            var chosen = selected.GetValueOrDefault(facet) ?? new HashSet<int>();
            result.Add(new FacetCounts(facet, values
                .Select(o => new FacetValueCount(o.Value, o.Code, o.Label, pool.Count(e => Covers(e, facet, o.Value)), chosen.Contains(o.Value)))
                .ToList()));
        }

        return result;
    }
}
