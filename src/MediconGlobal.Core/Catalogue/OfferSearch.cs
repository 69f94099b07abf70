using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

public sealed record OfferCard(
    int Id,
    string Name,
    string? Description,
    string Category,
    int ProviderId,
    string Provider,
    string? Programme,
    OfferFormat Format,
    CostType Cost,
    IReadOnlyList<string> Markets,
    IReadOnlyList<string> Regions,
    DateTime LastReviewedAt,
    bool IsStale);

/// <summary>A way to widen an empty search: drop one filter (or the words) and get this many offers.</summary>
public sealed record Widening(Facet? Facet, string? Code, string Label, int Count);

public sealed record OfferSearchResult(
    OfferQuery Query,
    IReadOnlyList<OfferCard> Items,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<FacetCounts> Facets,
    IReadOnlyList<Widening> Widenings);

/// <summary>
/// The public catalogue: published offers filtered by free text in the database, then faceted in memory (the
/// catalogue holds hundreds of offers, not millions, and counting in memory keeps every facet's count exact).
/// </summary>
public static class OfferSearch
{
    public static async Task<OfferSearchResult> RunAsync(AppDbContext db, OfferQuery query, DateTime now, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var words = OfferTextSearch.Words(query.Text);
        var rows = (await LoadAsync(db, Published(db).MatchingText(query.Text), cancellationToken))
            .Where(r => OfferTextSearch.MatchesAll(words, r.Name, r.Description, r.Provider, r.Programme, r.Category)).ToList();
        var counter = new FacetCounter(terms.Markets);
        var options = Options(terms);
        var selected = Resolve(query, options);
        var matching = counter.Filter(rows.Select(r => r.Entry), selected).Select(e => e.OfferId).ToHashSet();

        var ordered = Sort(rows.Where(r => matching.Contains(r.Entry.OfferId)), query, words);
        var pageCount = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)query.PageSize));
        var page = Math.Min(query.Page, pageCount);
        var items = ordered.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.ToCard(terms, now)).ToList();

        var widenings = new List<Widening>();
        if (matching.Count == 0)
        {
            widenings.AddRange(selected.SelectMany(s => s.Value.Select(v =>
            {
                var without = selected.ToDictionary(x => x.Key, x => x.Key == s.Key ? (IReadOnlySet<int>)x.Value.Where(o => o != v).ToHashSet() : x.Value);
                var option = options[s.Key].First(o => o.Value == v);
                return new Widening(s.Key, option.Code, option.Label, counter.Filter(rows.Select(r => r.Entry), without).Count);
            })));
            if (query.Text is not null)
            {
                // The same filters over every published offer: only the count is needed, not a second search.
                var everyOffer = await LoadAsync(db, Published(db), cancellationToken);
                widenings.Add(new Widening(null, null, query.Text, counter.Filter(everyOffer.Select(r => r.Entry), selected).Count));
            }
        }

        var facets = counter.Count(rows.Select(r => r.Entry).ToList(), selected, options);
        return new OfferSearchResult(query, items, matching.Count, page, pageCount, facets, widenings.OrderByDescending(w => w.Count).ToList());
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

    private static IEnumerable<Row> Sort(IEnumerable<Row> rows, OfferQuery query, IReadOnlyList<string> words) => query.Sort switch
    {
        OfferSort.RecentlyReviewed => rows.OrderByDescending(r => r.LastReviewedAt).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        OfferSort.Name => rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        _ when words.Count == 0 => rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        _ => rows.OrderByDescending(r => OfferTextSearch.Relevance(words, r.Name, r.Description, r.Provider, r.Programme))
            .ThenByDescending(r => r.LastReviewedAt)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
    };

    /// <summary>Cards of the given published offers in the given order (a shortlist); others are left out.</summary>
    public static async Task<IReadOnlyList<OfferCard>> CardsAsync(AppDbContext db, IReadOnlyList<int> offerIds, DateTime now, CancellationToken cancellationToken = default)
    {
        var terms = await TermCatalog.LoadAsync(db, cancellationToken);
        var rows = (await LoadAsync(db, Published(db).Where(o => offerIds.Contains(o.Id)), cancellationToken)).ToDictionary(r => r.Entry.OfferId);
        return offerIds.Where(rows.ContainsKey).Select(id => rows[id].ToCard(terms, now)).ToList();
    }

    private static IQueryable<Offer> Published(AppDbContext db) => db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Published);

    private static async Task<List<Row>> LoadAsync(AppDbContext db, IQueryable<Offer> offers, CancellationToken cancellationToken)
    {
        var heads = await offers
            .Select(o => new
            {
                o.Id,
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
                Category = o.Category!.Name,
            })
            .ToListAsync(cancellationToken);
        var links = await db.OfferTerms.AsNoTracking()
            .Where(t => offers.Any(o => o.Id == t.OfferId))
            .Select(t => new { t.OfferId, t.TermId, t.Term!.Kind })
            .ToListAsync(cancellationToken);
        var byOffer = links.ToLookup(l => l.OfferId);
        return heads.Select(h =>
        {
            var own = byOffer[h.Id].ToList();
            HashSet<int> Of(TaxonomyKind kind) => own.Where(l => l.Kind == kind).Select(l => l.TermId).ToHashSet();
            var entry = new CatalogueEntry(h.Id, h.CategoryId, h.Format, h.Cost, h.ProviderType,
                Of(TaxonomyKind.Market), Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region), Of(TaxonomyKind.Language));
            return new Row(entry, h.Name, h.Description, h.ProviderId, h.Provider, h.Programme, h.Category, h.LastReviewedAt);
        }).ToList();
    }

    private sealed record Row(CatalogueEntry Entry, string Name, string? Description, int ProviderId, string Provider, string? Programme, string Category, DateTime LastReviewedAt)
    {
        public OfferCard ToCard(TermCatalog terms, DateTime now) => new(
            Entry.OfferId, Name, Description, Category, ProviderId, Provider, Programme, Entry.Format, Entry.Cost,
            terms.NamesOf(Entry.MarketIds), terms.NamesOf(Entry.RegionIds), LastReviewedAt, Offer.IsStaleAt(LastReviewedAt, now));
    }
}
