using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Free-text search over offers, ignoring case and diacritics on every database: each word must appear in the
/// offer's name or description, its provider's or programme's name, or its support category. The database narrows
/// the offers on the normalised <c>SearchText</c> columns (an organisation's covers its name and description);
/// <see cref="MatchesAll"/> then keeps only offers whose provider or programme <em>name</em> holds the word, so a
/// word that merely appears in a provider's description does not pull in all its offers.
/// </summary>
public static class OfferTextSearch
{
    private const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();

    public static IQueryable<Offer> MatchingText(this IQueryable<Offer> offers, string? text)
    {
        foreach (var word in Words(text))
        {
            offers = offers.Where(o => o.SearchText.Contains(word)
                || o.Provider!.SearchText.Contains(word)
                || (o.Programme != null && o.Programme.SearchText.Contains(word))
                || o.Category!.SearchText.Contains(word));
        }

        return offers;
    }

    public static bool MatchesAll(IReadOnlyList<string> words, string name, string? description, string provider, string? programme, string category)
    {
        var fields = new[] { name, description, provider, programme, category }.Select(TextNormalizer.Normalize).ToList();
        return words.All(w => fields.Any(f => f.Contains(w)));
    }

    /// <summary>How well an offer matches the words: hits in its name count most, then provider and programme names.</summary>
    public static int Relevance(IReadOnlyList<string> words, string name, string? description, string provider, string? programme)
    {
        var (n, d, p, g) = (TextNormalizer.Normalize(name), TextNormalizer.Normalize(description), TextNormalizer.Normalize(provider), TextNormalizer.Normalize(programme));
        return words.Sum(w => (n.Contains(w) ? 8 : 0) + (p.Contains(w) ? 4 : 0) + (g.Contains(w) ? 2 : 0) + (d.Contains(w) ? 1 : 0));
    }
}
