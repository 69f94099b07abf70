using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Catalogue;

/// <summary>The facets a founder can narrow the catalogue by. Each has a query-string key.</summary>
public enum Facet
{
    Category,
    Market,
    Stage,
    Sector,
    Region,
    Format,
    Cost,
    Language,
    ProviderType,
}

public enum OfferSort
{
    Relevance,
    RecentlyReviewed,
    Name,
}

/// <summary>
/// Everything that decides a catalogue page: free text, the selected facet values (taxonomy codes or enum
/// names), sort order and page. It round-trips through the query string so a link reproduces the page.
/// </summary>
public sealed record OfferQuery
{
    public const int DefaultPageSize = 10;

    public static readonly IReadOnlyList<Facet> Facets = Enum.GetValues<Facet>();

    public string? Text { get; init; }

    public IReadOnlyDictionary<Facet, IReadOnlySet<string>> Selected { get; init; } = new Dictionary<Facet, IReadOnlySet<string>>();

    public OfferSort Sort { get; init; } = OfferSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasFilters => !string.IsNullOrWhiteSpace(Text) || Selected.Values.Any(v => v.Count > 0);

    public IReadOnlySet<string> ValuesOf(Facet facet) => Selected.TryGetValue(facet, out var values) ? values : new HashSet<string>();

    /// <summary>The query-string key of a facet, e.g. "category" or "providertype".</summary>
    public static string KeyOf(Facet facet) => facet.ToString().ToLowerInvariant();

    public static TaxonomyKind? KindOf(Facet facet) => facet switch
    {
        Facet.Category => TaxonomyKind.SupportCategory,
        Facet.Market => TaxonomyKind.Market,
        Facet.Stage => TaxonomyKind.Stage,
        Facet.Sector => TaxonomyKind.Sector,
        Facet.Region => TaxonomyKind.Region,
        Facet.Language => TaxonomyKind.Language,
        _ => null,
    };

    /// <summary>Builds a query from raw query-string values; unknown sort names and page numbers fall back to defaults.</summary>
    public static OfferQuery From(string? text, IReadOnlyDictionary<Facet, string[]?> selected, string? sort, int? page, int pageSize = DefaultPageSize) => new()
    {
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        Selected = selected.ToDictionary(
            s => s.Key,
            s => (IReadOnlySet<string>)(s.Value ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase)),
        Sort = Enum.TryParse<OfferSort>(sort, ignoreCase: true, out var parsed) ? parsed : OfferSort.Relevance,
        Page = page is > 0 and < 100_000 ? page.Value : 1,
        PageSize = pageSize,
    };

    /// <summary>A copy with one facet value added or removed; paging restarts.</summary>
    public OfferQuery Toggle(Facet facet, string value)
    {
        var values = ValuesOf(facet).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!values.Remove(value))
        {
            values.Add(value);
        }

        var selected = Selected.ToDictionary(s => s.Key, s => s.Value);
        selected[facet] = values;
        return this with { Selected = selected, Page = 1 };
    }

    public OfferQuery WithoutText() => this with { Text = null, Page = 1 };

    /// <summary>A copy without the words of the text that fold to <paramref name="word"/> (see <see cref="OfferTextSearch.Words"/>); paging restarts.</summary>
    public OfferQuery WithoutWord(string word)
    {
        var kept = string.Join(' ', (Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => TextNormalizer.Normalize(w) != word));
        return this with { Text = kept.Length == 0 ? null : kept, Page = 1 };
    }

    /// <summary>The page numbers a pager shows: the first, the last and two on each side of the current one; null marks a gap.</summary>
    public static IReadOnlyList<int?> PagerPages(int page, int pageCount)
    {
        var shown = new[] { 1, pageCount }.Concat(Enumerable.Range(page - 2, 5)).Where(p => p >= 1 && p <= pageCount).Distinct().Order().ToList();
        var pages = new List<int?>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] > shown[i - 1] + 1)
            {
                pages.Add(null);
            }

            pages.Add(shown[i]);
        }

        return pages;
    }

    /// <summary>The query-string pairs of this query, defaults left out, in a stable order.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQueryPairs()
    {
        if (Text is not null)
        {
            yield return new("q", Text);
        }

        foreach (var facet in Facets)
        {
            foreach (var value in ValuesOf(facet).Order(StringComparer.OrdinalIgnoreCase))
            {
                yield return new(KeyOf(facet), value);
            }
        }

        if (Sort != OfferSort.Relevance)
        {
            yield return new("sort", Sort.ToString().ToLowerInvariant());
        }

        if (Page > 1)
        {
            yield return new("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string ToQueryString()
    {
        var pairs = ToQueryPairs().Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }
}
