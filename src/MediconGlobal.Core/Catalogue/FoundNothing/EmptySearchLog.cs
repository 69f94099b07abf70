using MediconGlobal.Core.Data;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Catalogue.FoundNothing;

/// <summary>
/// Counts searches that found nothing (issue 19 item 7, ADR 1779) into <see cref="EmptySearchTally"/> rows, one
/// per portal day and kind of search: an atomic <c>UPDATE … SET Count = Count + 1</c> on the row's unique
/// <see cref="EmptySearchTally.Key"/>, and when there is no such row an insert, which a concurrent insert of the
/// same key (another request, another instance) makes fail on the unique index; then the update is tried again.
/// So no search is lost or counted twice on SQLite or PostgreSQL. A flood of made-up words cannot grow the table
/// without bound: a day keeps at most <see cref="PhraseRowsPerDay"/> rows with words (later searches are counted
/// without their words) and at most <see cref="RowsPerDay"/> rows in all (later new kinds are not counted).
/// Scoped, like the <see cref="AppDbContext"/> it writes with.
/// </summary>
public sealed class EmptySearchLog(AppDbContext db, TimeProvider clock, DisplayTime time)
{
    /// <summary>The most rows with a phrase one day keeps; past it, searches are counted without their words.</summary>
    public const int PhraseRowsPerDay = 300;

    /// <summary>The most rows one day keeps; past it, a search of a kind not yet counted that day is not counted.</summary>
    public const int RowsPerDay = 5000;

    /// <summary>
    /// The search of <paramref name="source"/> with these taxonomy codes and words as it is recorded, or null when it
    /// is not to be recorded: a code that is no term of its kind (the request failed validation), or nothing that
    /// could be placed in a report (no dimension chosen and no words kept). Several codes of one kind count as none
    /// chosen (the report places a search in one cell).
    /// </summary>
    public static EmptySearch? Describe(EmptySearchSource source, TermCatalog terms, string? text, IReadOnlyDictionary<TaxonomyKind, IReadOnlyCollection<string>> chosen)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(chosen);
        var ids = new Dictionary<TaxonomyKind, int?>();
        foreach (var kind in new[] { TaxonomyKind.SupportCategory, TaxonomyKind.Market, TaxonomyKind.Stage, TaxonomyKind.Sector, TaxonomyKind.Region })
        {
            var codes = chosen.TryGetValue(kind, out var given) ? given.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() : [];
            var found = codes.Select(c => terms.Find(kind, c)).ToList();
            if (found.Any(t => t is null))
            {
                return null;
            }

            ids[kind] = found.Count == 1 ? found[0]!.Id : null;
        }

        var search = new EmptySearch(source, ids[TaxonomyKind.SupportCategory], ids[TaxonomyKind.Market], ids[TaxonomyKind.Stage], ids[TaxonomyKind.Sector], ids[TaxonomyKind.Region], SearchPhrase.Normalise(text));
        return search.IsWorthRecording ? search : null;
    }

    /// <summary>Counts one search that found nothing on today's portal day; false when the day's caps left it uncounted.</summary>
    public async Task<bool> RecordAsync(EmptySearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var day = time.Today(clock);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var key = EmptySearchTally.KeyOf(day, search);
            var counted = await db.EmptySearchTallies.Where(t => t.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), cancellationToken);
            if (counted > 0)
            {
                return true;
            }

            var thatDay = db.EmptySearchTallies.Where(t => t.Day == day);
            if (search.Phrase is not null && await thatDay.CountAsync(t => t.Phrase != null, cancellationToken) >= PhraseRowsPerDay)
            {
                search = search with { Phrase = null };
                if (!search.IsWorthRecording)
                {
                    return false;
                }

                continue;
            }

            if (await thatDay.CountAsync(cancellationToken) >= RowsPerDay)
            {
                return false;
            }

            var tally = new EmptySearchTally(day, search);
            db.EmptySearchTallies.Add(tally);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another request inserted the same key first: count on its row.
            }
            finally
            {
                db.Entry(tally).State = EntityState.Detached;
            }
        }

        return false;
    }
}
