using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Catalogue;

/// <summary>
/// Names that mean the same thing in the portal's languages, for the catalogue's free text (issue 14 item 6): a word
/// of the search that is one of the names (folded as the search folds words: "Sverige" → "sverige") matches what any
/// name of its group matches, so a Swede typing "Sverige" finds the offers that say "Sweden". A name of several words
/// ("United Kingdom") matches where all its words do. Country names are the groups the portal has (an organisation's
/// country is not a taxonomy term, so the terms' own labels do not cover it); the web builds them from the
/// translation files (<c>CountrySynonyms</c>), which stay the one source of the names.
/// </summary>
public sealed class SearchSynonyms
{
    public static readonly SearchSynonyms None = new([]);

    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> _byWord = new(StringComparer.Ordinal);

    /// <param name="groups">Each group: the names of one thing in every language, as written.</param>
    public SearchSynonyms(IEnumerable<IEnumerable<string>> groups)
    {
        foreach (var group in groups)
        {
            var names = group.Select(OfferTextSearch.Words).Where(w => w.Count > 0).DistinctBy(w => string.Join(' ', w)).ToList();
            foreach (var name in names.Where(n => n.Count == 1))
            {
                _byWord[name[0]] = names;
            }
        }
    }

    /// <summary>The alternatives a folded search word stands for, each a list of words that must all match; the word itself when it names nothing.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Of(string word) => _byWord.TryGetValue(word, out var names) ? names : [[word]];
}
