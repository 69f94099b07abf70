using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Catalogue;

/// <param name="Excerpt">The start of the description, cut at a word near <see cref="ExcerptLength"/> characters and marked "…".</param>
public sealed record OfferCard(
    int Id,
    string Name,
    string? Excerpt,
    string Category,
    int ProviderId,
    string Provider,
    string? Programme,
    OfferFormat Format,
    CostType Cost,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Regions,
    DateTime LastReviewedAt,
    bool IsStale,
    int? DaysLeft = null)
{
    /// <summary>Descriptions longer than this are cut on a card.</summary>
    public const int ExcerptLength = 220;

    /// <summary>The description as a card shows it (<see cref="TextExcerpt.Of"/> at <see cref="ExcerptLength"/>).</summary>
    public static string? ExcerptOf(string? description) => TextExcerpt.Of(description, ExcerptLength);
}

/// <summary>A way to widen an empty search: drop one filter (or the words) and get this many offers.</summary>
public sealed record Widening(Facet? Facet, string? Code, string Label, int Count);

/// <summary>
/// A word of an empty search that names a market or region: filtering by it instead (offers that cover it under the
/// matching rule, e.g. those open to any market) gives <see cref="Count"/> offers.
/// </summary>
public sealed record PlaceSuggestion(string Word, Facet Facet, string Code, string Label, int Count);

public sealed record OfferSearchResult(
    OfferQuery Query,
    IReadOnlyList<OfferCard> Items,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<FacetCounts> Facets,
    IReadOnlyList<Widening> Widenings,
    IReadOnlyList<PlaceSuggestion> Places);

/// <summary>One selectable facet value: a taxonomy term id, or the number of an enum member.</summary>
public sealed record FacetOption(int Value, string Code, string Label);

public sealed record FacetValueCount(int Value, string Code, string Label, int Count, bool Selected);

public sealed record FacetCounts(Facet Facet, IReadOnlyList<FacetValueCount> Values);

/// <summary>
/// The public catalogue, answered from the <see cref="CatalogueIndex"/> read model: words through the database's
/// text index (cached per word), facet filters and counts as bit operations, sort orders kept per culture. Values
/// of one facet are alternatives (OR), facets combine (AND), every word must match; each facet value's count is
/// what choosing it would give with all the <em>other</em> filters and the words applied.
/// </summary>
public static class OfferSearch
{
    /// <summary>Relevance of one word: a hit in the offer's name counts most, then its provider's and programme's names, then the description.</summary>
    private const int NameWeight = 8;
    private const int ProviderWeight = 4;
    private const int ProgrammeWeight = 2;
    private const int DescriptionWeight = 1;

    /// <summary>Where a word hits, with its synonyms: any alternative, each alternative where all its words hit.</summary>
    private static async Task<WordHits> HitsAsync(CatalogueIndex index, AppDbContext db, IReadOnlyList<IReadOnlyList<string>> alternatives, CancellationToken cancellationToken)
    {
        WordHits? any = null;
        foreach (var alternative in alternatives)
        {
            WordHits? all = null;
            foreach (var word in alternative)
            {
                var hits = await index.WordAsync(db, word, cancellationToken);
                all = all is null ? hits : Combine(all, hits, OfferBits.And);
            }

            any = any is null ? all : Combine(any, all!, (a, b) =>
            {
                var either = (ulong[])a.Clone();
                OfferBits.OrInto(either, b);
                return either;
            });
        }

        return any!;
    }

    private static WordHits Combine(WordHits a, WordHits b, Func<ulong[], ulong[], ulong[]> bits) => new(
        bits(a.Matches, b.Matches), bits(a.InName, b.InName), bits(a.InDescription, b.InDescription), bits(a.InProvider, b.InProvider), bits(a.InProgramme, b.InProgramme));

    /// <summary>The search without a kept index (tests, one-off callers): the catalogue is loaded for this call.</summary>
    public static Task<OfferSearchResult> RunAsync(AppDbContext db, OfferQuery query, DateTime now, CancellationToken cancellationToken = default) =>
        RunAsync(db, CatalogueCache.At(now), query, now, cancellationToken);

    /// <summary>The search over the kept index of <paramref name="catalogue"/> (its version read first, ADR 1201).</summary>
    public static async Task<OfferSearchResult> RunAsync(AppDbContext db, CatalogueCache catalogue, OfferQuery query, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return await RunAsync(db, await catalogue.GetAsync(db, cancellationToken), catalogue.Synonyms, query, now, cancellationToken);
    }

    /// <summary>
    /// The search over <paramref name="index"/>, already read by the caller (a page reads it once per request, issue
    /// 12); words go to the database's full-text search with <paramref name="synonyms"/> (<see cref="CatalogueCache.Synonyms"/>).
    /// </summary>
    public static async Task<OfferSearchResult> RunAsync(AppDbContext db, CatalogueIndex index, SearchSynonyms synonyms, OfferQuery query, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(synonyms);
        var words = OfferTextSearch.Words(query.Text);
        var hits = new List<WordHits>();
        foreach (var word in words)
        {
            hits.Add(await HitsAsync(index, db, synonyms.Of(word), cancellationToken));
        }

        var text = AllOf(index, hits.Select(h => h.Matches));
        var selected = Resolve(query, index.Options);
        var filters = selected.ToDictionary(s => s.Key, s => AnyOf(index, s.Key, s.Value));
        var matching = Filter(text, filters);
        var total = OfferBits.Count(matching);

        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize));
        var page = Math.Min(query.Page, pageCount);
        var items = Ordered(index, matching, words.Count == 0 ? null : hits, query.Sort)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * query.PageSize))
            .Take(query.PageSize)
            .Select(p => index.CardAt(p, now))
            .ToList();

        var facets = index.Options.Select(o => new FacetCounts(o.Key, Count(index, o.Key, o.Value, selected[o.Key], Filter(text, filters, except: o.Key)))).ToList();
        var widenings = new List<Widening>();
        var places = new List<PlaceSuggestion>();
        if (total == 0)
        {
            foreach (var (facet, values) in selected)
            {
                foreach (var value in values)
                {
                    var without = new Dictionary<Facet, ulong[]?>(filters) { [facet] = AnyOf(index, facet, values.Where(v => v != value).ToHashSet()) };
                    var option = index.Options[facet].First(o => o.Value == value);
                    widenings.Add(new Widening(facet, option.Code, option.Label, OfferBits.Count(Filter(text, without))));
                }
            }

            if (query.Text is not null)
            {
                widenings.Add(new Widening(null, null, query.Text, OfferBits.Count(Filter(index.AllOffers, filters))));
                places.AddRange(Places(index, words, hits, selected, filters));
            }
        }

        return new OfferSearchResult(query, items, total, page, pageCount, facets, widenings.OrderByDescending(w => w.Count).ToList(), places);
    }

    /// <summary>Cards of the given published offers in the given order (a shortlist); others are left out.</summary>
    public static async Task<IReadOnlyList<OfferCard>> CardsAsync(AppDbContext db, IReadOnlyList<int> offerIds, DateTime now, CatalogueCache? catalogue = null, CancellationToken cancellationToken = default)
    {
        var index = await (catalogue ?? CatalogueCache.At(now)).GetAsync(db, cancellationToken);
        return offerIds.Select(index.PositionOf).OfType<int>().Select(p => index.CardAt(p, now)).ToList();
    }

    /// <summary>The selectable values of every facet, in display order. "Any market" is not a value: it covers them all.</summary>
    public static IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> Options(TermCatalog terms)
    {
        var options = new Dictionary<Facet, IReadOnlyList<FacetOption>>();
        foreach (var facet in OfferQuery.Facets)
        {
            options[facet] = OfferQuery.KindOf(facet) is { } kind
                ? terms.OfKind(kind).Where(t => !t.IsAgnostic).Select(t => new FacetOption(t.Id, t.Code, t.Name)).ToList()
                : facet switch
                {
                    Facet.Format => Enum.GetValues<OfferFormat>().Select(f => new FacetOption((int)f, f.ToString(), DisplayNames.Of(f))).ToList(),
                    Facet.Cost => Enum.GetValues<CostType>().Select(c => new FacetOption((int)c, c.ToString(), DisplayNames.Of(c))).ToList(),
                    _ => Enum.GetValues<OrganisationType>().Select(t => new FacetOption((int)t, t.ToString(), DisplayNames.Of(t))).ToList(),
                };
        }

        return options;
    }

    /// <summary>Selected codes to values; codes nobody knows (an edited link) are ignored rather than matching nothing.</summary>
    private static Dictionary<Facet, IReadOnlySet<int>> Resolve(OfferQuery query, IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> options) =>
        OfferQuery.Facets.ToDictionary(
            f => f,
            f => (IReadOnlySet<int>)options[f].Where(o => query.ValuesOf(f).Contains(o.Code)).Select(o => o.Value).ToHashSet());

    /// <summary>The offers covering any of the values; null (no filter) when none is selected.</summary>
    private static ulong[]? AnyOf(CatalogueIndex index, Facet facet, IReadOnlySet<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var bits = OfferBits.None(index.Count);
        foreach (var value in values)
        {
            OfferBits.OrInto(bits, index.Covering(facet, value));
        }

        return bits;
    }

    private static ulong[] AllOf(CatalogueIndex index, IEnumerable<ulong[]> sets) =>
        sets.Aggregate(index.AllOffers, OfferBits.And);

    /// <summary>The offers passing the words and every facet filter but <paramref name="except"/>.</summary>
    private static ulong[] Filter(ulong[] text, IReadOnlyDictionary<Facet, ulong[]?> filters, Facet? except = null) =>
        filters.Where(f => f.Key != except && f.Value is not null).Aggregate(text, (bits, f) => OfferBits.And(bits, f.Value!));

    private static FacetValueCount[] Count(CatalogueIndex index, Facet facet, IReadOnlyList<FacetOption> options, IReadOnlySet<int> chosen, ulong[] pool) =>
        [.. options.Select(o => new FacetValueCount(o.Value, o.Code, o.Label, OfferBits.CountBoth(pool, index.Covering(facet, o.Value)), chosen.Contains(o.Value)))];

    /// <summary>
    /// Matching positions in the page order: by relevance when there are words (then most recently reviewed, then
    /// name), else by name or by last review; names in the current culture's collation, ties by offer id.
    /// </summary>
    private static IEnumerable<int> Ordered(CatalogueIndex index, ulong[] matching, IReadOnlyList<WordHits>? words, OfferSort sort)
    {
        var culture = CultureInfo.CurrentCulture;
        if (words is null || sort != OfferSort.Relevance)
        {
            return index.Ordered(sort, culture).Where(p => OfferBits.Has(matching, p));
        }

        var ranks = index.NameRanks(culture);
        var positions = OfferBits.Positions(matching).ToArray();
        var scores = positions.Select(p => words.Sum(w =>
            (OfferBits.Has(w.InName, p) ? NameWeight : 0) + (OfferBits.Has(w.InProvider, p) ? ProviderWeight : 0)
            + (OfferBits.Has(w.InProgramme, p) ? ProgrammeWeight : 0) + (OfferBits.Has(w.InDescription, p) ? DescriptionWeight : 0))).ToArray();
        var order = Enumerable.Range(0, positions.Length).ToArray();
        Array.Sort(order, (a, b) =>
            scores[b].CompareTo(scores[a]) is var byScore && byScore != 0 ? byScore
            : index.At(positions[b]).Profile.LastReviewedAt.CompareTo(index.At(positions[a]).Profile.LastReviewedAt) is var byReview && byReview != 0 ? byReview
            : ranks[positions[a]].CompareTo(ranks[positions[b]]));
        return order.Select(i => positions[i]);
    }

    /// <summary>For each word naming a market or region that is not already a filter: the count with that filter instead of the word.</summary>
    private static IEnumerable<PlaceSuggestion> Places(
        CatalogueIndex index, IReadOnlyList<string> words, IReadOnlyList<WordHits> hits, Dictionary<Facet, IReadOnlySet<int>> selected, Dictionary<Facet, ulong[]?> filters)
    {
        for (var w = 0; w < words.Count; w++)
        {
            var otherWords = AllOf(index, hits.Where((_, i) => i != w).Select(h => h.Matches));
            foreach (var place in index.PlacesNamed(words[w]))
            {
                var facet = place.Kind == TaxonomyKind.Market ? Facet.Market : Facet.Region;
                if (selected[facet].Contains(place.Id))
                {
                    continue;
                }

                var with = new Dictionary<Facet, ulong[]?>(filters) { [facet] = AnyOf(index, facet, selected[facet].Append(place.Id).ToHashSet()) };
                yield return new PlaceSuggestion(words[w], facet, place.Code, place.Name, OfferBits.Count(Filter(otherWords, with)));
            }
        }
    }
}
