using System.Globalization;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Tests.Catalogue;

/// <summary>What a catalogue search answered, in a form two implementations can be compared by.</summary>
internal sealed record CatalogueAnswer(
    IReadOnlyList<int> Items,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<string> Counts,
    IReadOnlyList<string> Widenings,
    IReadOnlyList<string> Places)
{
    public static CatalogueAnswer Of(OfferSearchResult result) => new(
        result.Items.Select(i => i.Id).ToList(),
        result.Total,
        result.Page,
        result.PageCount,
        result.Facets.SelectMany(f => f.Values.Select(v => $"{f.Facet}:{v.Code}={v.Count}{(v.Selected ? "*" : "")}")).ToList(),
        result.Widenings.Select(w => $"{w.Facet}:{w.Code}={w.Count}").Order(StringComparer.Ordinal).ToList(),
        result.Places.Select(p => $"{p.Word}>{p.Facet}:{p.Code}={p.Count}").Order(StringComparer.Ordinal).ToList());
}

/// <summary>
/// The catalogue as it was answered before the read model (ADR 0303), kept as the tests' reference: every published
/// offer open that day loaded with its text and terms, each word matched by folding every field in memory, a facet value covered
/// by the hand-written rule the old <c>FacetCounter</c> had (not by <c>MatchingRule</c>), and every count made one
/// offer at a time. Plus the one thing issue 13 added: a word also matches a label of the offer's markets and regions
/// (and their parent markets), and an empty search suggests the market or region a word names.
/// </summary>
internal sealed class ReferenceCatalogue
{
    private readonly List<Row> _rows;
    private readonly TermCatalog _terms;
    private readonly IReadOnlyDictionary<Facet, IReadOnlyList<FacetOption>> _options;

    private ReferenceCatalogue(List<Row> rows, TermCatalog terms)
    {
        _rows = rows;
        _terms = terms;
        _options = OfferSearch.Options(terms);
    }

    /// <summary>The published offers open on <paramref name="day"/> (the catalogue lists no closed or lapsed offer, ADR 1934), asked of the database.</summary>
    public static async Task<ReferenceCatalogue> LoadAsync(AppDbContext db, OfferDay day)
    {
        var terms = await TermCatalog.LoadAsync(db);
        var offers = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Published).Where(Offer.OpenOn(day))
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Description,
                Provider = o.Provider!.Name,
                ProviderType = o.Provider.Type,
                Programme = o.Programme != null ? o.Programme.Name : null,
                o.CategoryId,
                o.Format,
                o.Cost,
                o.LastReviewedAt,
                Terms = o.Terms.Select(t => t.TermId).ToList(),
            })
            .ToListAsync();
        return new ReferenceCatalogue(
            offers.Select(o =>
            {
                HashSet<int> Of(TaxonomyKind kind) => o.Terms.Where(t => terms.Find(t)?.Kind == kind).ToHashSet();
                return new Row(o.Id, o.Name, o.Description, o.Provider, o.Programme, terms.NameOf(o.CategoryId), o.CategoryId, o.Format, o.Cost, o.ProviderType,
                    Of(TaxonomyKind.Market), Of(TaxonomyKind.Stage), Of(TaxonomyKind.Sector), Of(TaxonomyKind.Region), Of(TaxonomyKind.Language), o.LastReviewedAt);
            }).ToList(),
            terms);
    }

    public CatalogueAnswer Run(OfferQuery query)
    {
        var words = OfferTextSearch.Words(query.Text);
        var selected = OfferQuery.Facets.ToDictionary(f => f, f => _options[f].Where(o => query.ValuesOf(f).Contains(o.Code)).Select(o => o.Value).ToHashSet());
        var texted = _rows.Where(r => words.All(w => Holds(r, w))).ToList();
        var matching = texted.Where(r => Passes(r, selected)).ToList();
        var pageCount = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)query.PageSize));
        var page = Math.Min(query.Page, pageCount);
        var names = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        IEnumerable<Row> ordered = words.Count > 0 && query.Sort == OfferSort.Relevance
            ? matching.OrderByDescending(r => Relevance(r, words)).ThenByDescending(r => r.LastReviewedAt).ThenBy(r => r.Name, names).ThenBy(r => r.Id)
            : query.Sort == OfferSort.RecentlyReviewed
                ? matching.OrderByDescending(r => r.LastReviewedAt).ThenBy(r => r.Name, names).ThenBy(r => r.Id)
                : matching.OrderBy(r => r.Name, names).ThenBy(r => r.Id);
        var items = ordered.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.Id).ToList();

        var counts = _options.SelectMany(o =>
        {
            var pool = texted.Where(r => Passes(r, selected, except: o.Key)).ToList();
            return o.Value.Select(v => $"{o.Key}:{v.Code}={pool.Count(r => Covers(r, o.Key, v.Value))}{(selected[o.Key].Contains(v.Value) ? "*" : "")}");
        }).ToList();

        var widenings = new List<string>();
        var places = new List<string>();
        if (matching.Count == 0)
        {
            foreach (var (facet, values) in selected)
            {
                foreach (var value in values)
                {
                    var without = selected.ToDictionary(s => s.Key, s => s.Key == facet ? s.Value.Where(v => v != value).ToHashSet() : s.Value);
                    widenings.Add($"{facet}:{_options[facet].First(o => o.Value == value).Code}={texted.Count(r => Passes(r, without))}");
                }
            }

            if (query.Text is not null)
            {
                widenings.Add($":={_rows.Count(r => Passes(r, selected))}");
                foreach (var word in words)
                {
                    foreach (var term in _terms.All.Where(t => t.Kind is TaxonomyKind.Market or TaxonomyKind.Region && !t.IsAgnostic
                        && t.Labels.Any(l => TextNormalizer.Normalize(l).Split(' ', '(', ')', '/', ',', '-').Contains(word))))
                    {
                        var facet = term.Kind == TaxonomyKind.Market ? Facet.Market : Facet.Region;
                        if (selected[facet].Contains(term.Id))
                        {
                            continue;
                        }

                        var with = selected.ToDictionary(s => s.Key, s => s.Key == facet ? s.Value.Append(term.Id).ToHashSet() : s.Value);
                        var count = _rows.Count(r => words.Where(w => w != word).All(w => Holds(r, w)) && Passes(r, with));
                        places.Add($"{word}>{facet}:{term.Code}={count}");
                    }
                }
            }
        }

        return new CatalogueAnswer(items, matching.Count, page, pageCount, counts, widenings.Order(StringComparer.Ordinal).ToList(), places.Order(StringComparer.Ordinal).ToList());
    }

    private bool Holds(Row row, string word) =>
        new[] { row.Name, row.Description, row.Provider, row.Programme, row.Category }.Any(f => TextNormalizer.Normalize(f).Contains(word, StringComparison.Ordinal))
        || row.Markets.Concat(row.Regions).SelectMany(t => _terms.Markets.AncestorsOf(t).Prepend(t))
            .Select(_terms.Find).OfType<TermInfo>().Where(t => !t.IsAgnostic).SelectMany(t => t.Labels).Any(l => TextNormalizer.Normalize(l).Contains(word, StringComparison.Ordinal));

    private static int Relevance(Row row, IReadOnlyList<string> words)
    {
        var (name, description, provider, programme) = (TextNormalizer.Normalize(row.Name), TextNormalizer.Normalize(row.Description), TextNormalizer.Normalize(row.Provider), TextNormalizer.Normalize(row.Programme));
        return words.Sum(w => (name.Contains(w) ? 8 : 0) + (provider.Contains(w) ? 4 : 0) + (programme.Contains(w) ? 2 : 0) + (description.Contains(w) ? 1 : 0));
    }

    private bool Passes(Row row, Dictionary<Facet, HashSet<int>> selected, Facet? except = null) =>
        selected.All(s => s.Key == except || s.Value.Count == 0 || s.Value.Any(v => Covers(row, s.Key, v)));

    private bool Covers(Row row, Facet facet, int value) => facet switch
    {
        Facet.Category => row.CategoryId == value,
        Facet.Market => row.Markets.Count == 0 || row.Markets.Any(_terms.Markets.IsAgnostic) || row.Markets.Contains(value)
            || _terms.Markets.AncestorsOf(value).Any(row.Markets.Contains),
        Facet.Stage => row.Stages.Count == 0 || row.Stages.Contains(value),
        Facet.Sector => row.Sectors.Count == 0 || row.Sectors.Contains(value),
        Facet.Region => row.Regions.Count == 0 || row.Regions.Contains(value),
        Facet.Language => row.Languages.Contains(value),
        Facet.Format => (int)row.Format == value,
        Facet.Cost => (int)row.Cost == value,
        _ => (int)row.ProviderType == value,
    };

    private sealed record Row(
        int Id, string Name, string? Description, string Provider, string? Programme, string Category, int CategoryId, OfferFormat Format, CostType Cost,
        OrganisationType ProviderType, HashSet<int> Markets, HashSet<int> Stages, HashSet<int> Sectors, HashSet<int> Regions, HashSet<int> Languages, DateTime LastReviewedAt);
}
