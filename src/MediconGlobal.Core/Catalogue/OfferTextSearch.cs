using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue;

/// <summary>An offer whose folded text (name and description) holds a word, and how many times.</summary>
public sealed record WordOccurrences(int OfferId, int Occurrences);

/// <summary>
/// Free-text search over offers, ignoring case and diacritics on every database: each word must appear in the
/// offer's name or description, its provider's or programme's name, its support category, or a label of one of
/// its markets or regions. The catalogue finds the offers' own text with <see cref="FindAsync"/> (the database's
/// trigram index) and the rest in <see cref="CatalogueIndex"/>; the open-data API narrows with
/// <see cref="MatchingText"/> and checks with <see cref="MatchesAll"/>.
/// </summary>
public static class OfferTextSearch
{
    private const int MaxWords = 8;

    /// <summary>Shortest word the trigram indexes can look up; shorter ones are found by scanning.</summary>
    private const int TrigramLength = 3;

    public static IReadOnlyList<string> Words(string? text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();

    /// <summary>
    /// The offers (any status) whose folded <c>SearchText</c> holds the folded word, with the number of times, in
    /// one query: SQLite's FTS5 trigram table <c>OfferText</c> (migration OfferTextIndex) for words of three
    /// letters or more, PostgreSQL's trigram index through <c>LIKE</c>, and a scan for shorter words or other databases.
    /// </summary>
    public static async Task<IReadOnlyList<WordOccurrences>> FindAsync(AppDbContext db, string word, CancellationToken cancellationToken = default)
    {
        IQueryable<Offer> offers;
        if (db.Database.IsSqlite() && word.Length >= TrigramLength)
        {
            var phrase = "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"OfferText\" WHERE \"OfferText\" MATCH {phrase}");
            offers = db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id));
        }
        else
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            offers = db.Offers.AsNoTracking().Where(o => EF.Functions.Like(o.SearchText, pattern, "\\"));
        }

        return await offers
            .Select(o => new WordOccurrences(o.Id, (o.SearchText.Length - o.SearchText.Replace(word, "").Length) / word.Length))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many times the word occurs, counted left to right without overlaps, as SQL's <c>replace</c> counts.</summary>
    public static int Occurrences(string text, string word)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += word.Length;
        }

        return count;
    }

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
}
