using System.Collections.Concurrent;
using System.Globalization;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Matching;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>A published offer as the catalogue shows, filters and searches it.</summary>
/// <param name="Profile">What the matching rule reads: id, category, markets, stages, sectors, regions (empty: any), last review.</param>
/// <param name="Excerpt">The start of the description as a card shows it (<see cref="OfferCard.ExcerptOf"/>).</param>
public sealed record CatalogueOffer(
    OfferProfile Profile,
    string Name,
    string? Excerpt,
    int ProviderId,
    string Provider,
    OrganisationType ProviderType,
    string? Programme,
    OfferFormat Format,
    CostType Cost,
    IReadOnlySet<int> LanguageIds)
{
    public int Id => Profile.OfferId;
}

/// <summary>Where the words of a search hit, as sets of catalogue positions (see <see cref="OfferBits"/>).</summary>
/// <param name="Matches">Offers holding the word anywhere the search looks.</param>
public sealed record WordHits(ulong[] Matches, ulong[] InName, ulong[] InDescription, ulong[] InProvider, ulong[] InProgramme);

/// <summary>
/// The catalogue's read model (ADR 1202): every published offer in memory with one bit set per facet value, kept
/// by <see cref="CatalogueCache"/> until the catalogue's <see cref="DataVersions.Catalogue"/> counter moves. A
/// facet value's set holds the offers that <em>cover</em> it, and for the eligibility facets and the kind of help
/// every bit is asked of <see cref="MatchingRule.Match"/> itself (an offer open to any market covers every market;
/// one for the USA covers Boston), so the catalogue and the matching rule cannot disagree. Words are looked up in
/// the database's own text index (<see cref="OfferTextSearch.FindAsync"/>) once per word and kept with the
/// snapshot. Safe to share between requests: everything is built up front except caches filled with
/// concurrent dictionaries.
/// </summary>
public sealed class CatalogueIndex
{
    /// <summary>Words kept per snapshot; past this the cache starts again (a word costs ~5 bit arrays).</summary>
    private const int MaxCachedWords = 512;

    private readonly CatalogueOffer[] _offers;
    private readonly Dictionary<int, int> _positions;
    private readonly Dictionary<(Facet Facet, int Value), ulong[]> _facets = [];
    private readonly string[] _foldedNames;
    private readonly (string Folded, ulong[] Bits)[] _providers;
    private readonly (string Folded, ulong[] Bits)[] _programmes;
    private readonly (string Folded, ulong[] Bits)[] _categories;
    private readonly (TermInfo Term, string[] FoldedLabels, ulong[] Named)[] _places;
    private readonly ConcurrentDictionary<string, WordHits> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NameOrders> _orders = new(StringComparer.Ordinal);
    private readonly Lazy<OfferCoverageIndex> _coverage;

    private CatalogueIndex(TermCatalog terms, IReadOnlyList<CatalogueOffer> published, OfferDay day, long version)
    {
        Terms = terms;
        Rule = new MatchingRule(terms.Markets, day);
        Version = version;
        // The catalogue lists the offers open today; the gap report's coverage also needs those that closed, for the
        // months they were open (ADR 1934).
        _offers = [.. published.Where(o => Rule.IsOpen(o.Profile)).OrderBy(o => o.Id)];
        _positions = _offers.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Count = _offers.Length;
        AllOffers = OfferBits.All(Count);
        Options = OfferSearch.Options(terms);
        foreach (var (facet, options) in Options)
        {
            // Offers with equal values on the facet's dimension get equal answers: ask once per group of them.
            var groups = Enumerable.Range(0, Count).GroupBy(i => DimensionKey(_offers[i], facet)).Select(g => g.ToArray()).ToList();
            foreach (var option in options)
            {
                var bits = OfferBits.None(Count);
                foreach (var group in groups.Where(g => Covers(_offers[g[0]], facet, option.Value)))
                {
                    foreach (var i in group)
                    {
                        OfferBits.Set(bits, i);
                    }
                }

                _facets[(facet, option.Value)] = bits;
            }
        }

        _foldedNames = [.. _offers.Select(o => TextNormalizer.Normalize(o.Name))];
        _providers = Fold(o => o.Provider);
        _programmes = Fold(o => o.Programme);
        _categories = Fold(o => terms.NameOf(o.Profile.CategoryId));
        _places = [.. terms.All.Where(t => t.Kind is TaxonomyKind.Market or TaxonomyKind.Region && !t.IsAgnostic)
            .Select(t => (t, t.Labels.Select(TextNormalizer.Normalize).ToArray(), Naming(t)))];
        _coverage = new Lazy<OfferCoverageIndex>(() => OfferCoverageIndex.Build(Rule, published.Select(o => o.Profile)));
    }

    /// <summary>
    /// The <see cref="DataVersions.Catalogue"/> counter read before the snapshot was loaded and the day it is for, as
    /// one growing number (<see cref="CatalogueCache.VersionOn"/>): read models derived from it are keyed by both (ADR 1934).
    /// </summary>
    public long Version { get; }

    /// <summary>The day the snapshot answers for: offers closed or lapsed by then are not in it.</summary>
    public OfferDay Day => Rule.Day;

    public TermCatalog Terms { get; }

    public MatchingRule Rule { get; }

    /// <summary>How many published offers open on <see cref="Day"/> the snapshot holds.</summary>
    public int Count { get; }

    public ulong[] AllOffers { get; }

    /// <summary>The selectable values of every facet, in display order.</summary>
    public IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> Options { get; }

    public IReadOnlyList<CatalogueOffer> Offers => _offers;

    /// <summary>The gap report's bit sets of the same offers, built on first use.</summary>
    public OfferCoverageIndex Coverage => _coverage.Value;

    /// <summary>
    /// The index from plain data (tests, and <see cref="LoadAsync"/>) on <paramref name="day"/>: offers that are not
    /// published are left out; those closed or lapsed that day are left out of the catalogue but kept for the gap
    /// report's months (<see cref="Coverage"/>).
    /// </summary>
    public static CatalogueIndex Create(TermCatalog terms, IEnumerable<CatalogueOffer> offers, OfferDay day, long version = 0) =>
        new(terms, [.. offers.Where(o => Offer.IsPublishedStatus(o.Profile.Status))], day, version);

    /// <summary>The published offers, their terms and the taxonomy on <paramref name="day"/>: three queries.</summary>
    public static async Task<CatalogueIndex> LoadAsync(AppDbContext db, long version, OfferDay day, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var published = db.Offers.AsNoTracking().Published();
        var heads = await published
            .Select(o => new
            {
                o.Id,
                o.Status,
                o.Name,
                o.Description,
                o.CategoryId,
                o.Format,
                o.Cost,
                o.ProviderId,
                Provider = o.Provider!.Name,
                ProviderType = o.Provider.Type,
                Programme = o.Programme != null ? o.Programme.Name : null,
                o.LastReviewedAt,
                o.ApplicationDeadline,
                o.EndsOn,
                o.PublishedAt,
            })
            .ToListAsync(cancellationToken);
        var links = (await db.OfferTerms.AsNoTracking()
            .Where(t => published.Any(o => o.Id == t.OfferId))
            .Select(t => new { t.OfferId, t.TermId })
            .ToListAsync(cancellationToken)).ToLookup(l => l.OfferId, l => l.TermId);
        return Create(terms, heads.Select(h =>
        {
            var own = links[h.Id].Select(terms.Find).OfType<TermInfo>().ToList();
            HashSet<int> Of(TaxonomyKind kind) => own.Where(t => t.Kind == kind).Select(t => t.Id).ToHashSet();
            var profile = new OfferProfile(h.Id, h.Status, h.CategoryId, Of(TaxonomyKind.Market), Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region), h.LastReviewedAt,
                OfferVerification.ClosesOn(h.ApplicationDeadline, h.EndsOn), h.PublishedAt);
            return new CatalogueOffer(profile, h.Name, OfferCard.ExcerptOf(h.Description), h.ProviderId, h.Provider, h.ProviderType, h.Programme, h.Format, h.Cost, Of(TaxonomyKind.Language));
        }), day, version);
    }

    /// <summary>The offers covering a facet value; an empty set for a value the facet does not offer.</summary>
    public ulong[] Covering(Facet facet, int value) =>
        _facets.TryGetValue((facet, value), out var bits) ? bits : OfferBits.None(Count);

    public int? PositionOf(int offerId) => _positions.TryGetValue(offerId, out var position) ? position : null;

    public CatalogueOffer At(int position) => _offers[position];

    public OfferCard CardAt(int position, DateTime now)
    {
        var offer = _offers[position];
        return new OfferCard(
            offer.Id, offer.Name, offer.Excerpt, Terms.NameOf(offer.Profile.CategoryId), offer.ProviderId, offer.Provider, offer.Programme,
            offer.Format, offer.Cost, Terms.NamesOf(offer.Profile.MarketIds), Terms.NamesOf(offer.Profile.RegionIds),
            offer.Profile.LastReviewedAt, Offer.IsStaleAt(offer.Profile.LastReviewedAt, now), OfferVerification.DaysLeft(offer.Profile.ClosesOn, Day.Date));
    }

    /// <summary>Where a folded word hits: the offers' own text through the database's text index, the rest here.</summary>
    public async Task<WordHits> WordAsync(AppDbContext db, string word, CancellationToken cancellationToken = default)
    {
        if (_words.TryGetValue(word, out var known))
        {
            return known;
        }

        var inText = await OfferTextSearch.FindAsync(db, word, cancellationToken);
        var (inName, inDescription) = (OfferBits.None(Count), OfferBits.None(Count));
        for (var i = 0; i < Count; i++)
        {
            if (_foldedNames[i].Contains(word, StringComparison.Ordinal))
            {
                OfferBits.Set(inName, i);
            }
        }

        foreach (var hit in inText)
        {
            // The text column is the folded name, a space and the folded description; a word holds no space, so it
            // is in the description exactly when the column holds it more often than the name does.
            if (PositionOf(hit.OfferId) is { } position && hit.Occurrences > OfferTextSearch.Occurrences(_foldedNames[position], word))
            {
                OfferBits.Set(inDescription, position);
            }
        }

        var inProvider = Containing(_providers, word);
        var inProgramme = Containing(_programmes, word);
        var matches = (ulong[])inName.Clone();
        OfferBits.OrInto(matches, inDescription);
        OfferBits.OrInto(matches, inProvider);
        OfferBits.OrInto(matches, inProgramme);
        OfferBits.OrInto(matches, Containing(_categories, word));
        foreach (var place in _places.Where(p => p.FoldedLabels.Any(l => l.Contains(word, StringComparison.Ordinal))))
        {
            OfferBits.OrInto(matches, place.Named);
        }

        if (_words.Count >= MaxCachedWords)
        {
            _words.Clear();
        }

        return _words.GetOrAdd(word, new WordHits(matches, inName, inDescription, inProvider, inProgramme));
    }

    /// <summary>Markets and regions one of whose labels holds the folded word as a whole word ("usa", "zealand", "sjaelland").</summary>
    public IEnumerable<TermInfo> PlacesNamed(string word) =>
        _places.Where(p => p.FoldedLabels.Any(l => l.Split(' ', '(', ')', '/', ',', '-').Contains(word))).Select(p => p.Term);

    /// <summary>Positions in the order of a sort without words, in the culture's collation of names (ties by id).</summary>
    public int[] Ordered(OfferSort sort, CultureInfo culture)
    {
        var orders = OrdersFor(culture);
        return sort == OfferSort.RecentlyReviewed ? orders.ByReview : orders.ByName;
    }

    /// <summary>Each position's place in the culture's collation of names (ties by id).</summary>
    public int[] NameRanks(CultureInfo culture) => OrdersFor(culture).NameRank;

    private NameOrders OrdersFor(CultureInfo culture) => _orders.GetOrAdd(NameOrder.Language(culture), _ =>
    {
        var names = NameOrder.Comparer(culture);
        var byName = Enumerable.Range(0, Count).Order(Comparer<int>.Create((a, b) =>
            names.Compare(_offers[a].Name, _offers[b].Name) is var c && c != 0 ? c : _offers[a].Id.CompareTo(_offers[b].Id))).ToArray();
        var rank = new int[Count];
        for (var i = 0; i < byName.Length; i++)
        {
            rank[byName[i]] = i;
        }

        var byReview = Enumerable.Range(0, Count)
            .OrderByDescending(p => _offers[p].Profile.LastReviewedAt).ThenBy(p => rank[p]).ToArray();
        return new NameOrders(rank, byName, byReview);
    });

    /// <summary>What <see cref="Covers"/> reads of an offer for a facet, as a key: offers with equal keys get equal answers.</summary>
    private static string DimensionKey(CatalogueOffer offer, Facet facet) => facet switch
    {
        Facet.Category => $"{offer.Profile.CategoryId}",
        Facet.Market => $"{offer.Profile.CategoryId}:{string.Join(',', offer.Profile.MarketIds.Order())}",
        Facet.Stage => $"{offer.Profile.CategoryId}:{string.Join(',', offer.Profile.StageIds.Order())}",
        Facet.Sector => $"{offer.Profile.CategoryId}:{string.Join(',', offer.Profile.SectorIds.Order())}",
        Facet.Region => $"{offer.Profile.CategoryId}:{string.Join(',', offer.Profile.RegionIds.Order())}",
        Facet.Language => string.Join(',', offer.LanguageIds.Order()),
        Facet.Format => $"{offer.Format}",
        Facet.Cost => $"{offer.Cost}",
        Facet.ProviderType => $"{offer.ProviderType}",
        _ => $"{offer.Id}",
    };

    /// <summary>
    /// Whether an offer counts under a facet value (it reads only what <see cref="DimensionKey"/> holds, so a
    /// group's first offer answers for the group). The kind of help and the four eligibility facets ask the
    /// matching rule about a need that names only that value (the rule is a conjunction over the dimensions, so
    /// this is the offer's fit on the one dimension); languages, format, cost and provider type are plain fields.
    /// </summary>
    private bool Covers(CatalogueOffer offer, Facet facet, int value) => facet switch
    {
        Facet.Category => Rule.Match(new NeedProfile(value, null, null, null, null), offer.Profile) is not null,
        Facet.Market => Rule.Match(new NeedProfile(offer.Profile.CategoryId, value, null, null, null), offer.Profile) is not null,
        Facet.Stage => Rule.Match(new NeedProfile(offer.Profile.CategoryId, null, value, null, null), offer.Profile) is not null,
        Facet.Sector => Rule.Match(new NeedProfile(offer.Profile.CategoryId, null, null, value, null), offer.Profile) is not null,
        Facet.Region => Rule.Match(new NeedProfile(offer.Profile.CategoryId, null, null, null, value), offer.Profile) is not null,
        Facet.Language => offer.LanguageIds.Contains(value),
        Facet.Format => (int)offer.Format == value,
        Facet.Cost => (int)offer.Cost == value,
        Facet.ProviderType => (int)offer.ProviderType == value,
        _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "A facet the catalogue does not know."),
    };

    /// <summary>The offers that name a market or region themselves, or one of its sub-markets (Boston for the USA).</summary>
    private ulong[] Naming(TermInfo term)
    {
        var bits = OfferBits.None(Count);
        for (var i = 0; i < Count; i++)
        {
            var own = term.Kind == TaxonomyKind.Market ? _offers[i].Profile.MarketIds : _offers[i].Profile.RegionIds;
            if (own.Any(t => t == term.Id || Terms.Markets.AncestorsOf(t).Contains(term.Id)))
            {
                OfferBits.Set(bits, i);
            }
        }

        return bits;
    }

    /// <summary>Distinct values of a text field, folded, each with the offers that have it.</summary>
    private (string Folded, ulong[] Bits)[] Fold(Func<CatalogueOffer, string?> field) =>
        [.. Enumerable.Range(0, Count)
            .Where(i => field(_offers[i]) is not null)
            .GroupBy(i => TextNormalizer.Normalize(field(_offers[i])))
            .Select(g =>
            {
                var bits = OfferBits.None(Count);
                foreach (var i in g)
                {
                    OfferBits.Set(bits, i);
                }

                return (g.Key, bits);
            })];

    private ulong[] Containing((string Folded, ulong[] Bits)[] values, string word)
    {
        var bits = OfferBits.None(Count);
        foreach (var (folded, offers) in values)
        {
            if (folded.Contains(word, StringComparison.Ordinal))
            {
                OfferBits.OrInto(bits, offers);
            }
        }

        return bits;
    }

    private sealed record NameOrders(int[] NameRank, int[] ByName, int[] ByReview);
}
