using System.Globalization;

namespace MediconGlobal.Core.Catalogue.FoundNothing;

/// <summary>Where a search that found nothing was made.</summary>
public enum EmptySearchSource
{
    /// <summary>The catalogue, <c>/offers</c>: words and facets.</summary>
    Catalogue = 1,

    /// <summary>The guided path, <c>/find-support</c>: the founder's answers.</summary>
    GuidedPath = 2,
}

/// <summary>
/// One search that found nothing, as it is recorded (issue 19 item 7, ADR 1779): where it was made, the taxonomy
/// term ids the person chose for the gap report's five dimensions (null when not chosen, or when several values of
/// one facet were chosen) and the words as a <see cref="SearchPhrase"/> (null when none, or when they looked like
/// personal data). Nothing about the person.
/// </summary>
public sealed record EmptySearch(EmptySearchSource Source, int? CategoryId, int? MarketId, int? StageId, int? SectorId, int? RegionId, string? Phrase)
{
    /// <summary>Whether anything of it can be placed in a report: at least one dimension chosen, or words.</summary>
    public bool IsWorthRecording => CategoryId is not null || MarketId is not null || StageId is not null || SectorId is not null || RegionId is not null || Phrase is not null;
}

/// <summary>
/// The count of identical searches that found nothing on one portal day (ADR 1779): an anonymous aggregate, never
/// an event — no time of day, no address, no account, no session. Rows are only ever counted up (by
/// <see cref="EmptySearchLog"/>, with one atomic update) and read by the gap report's "searched, found nothing"
/// layer. Not an audited <see cref="Domain.Entity"/>: nobody edits them. Term ids are not foreign keys, so merging
/// or removing a term never rewrites the counts (a removed term shows as its id in the report).
/// </summary>
public class EmptySearchTally
{
    /// <summary>The longest <see cref="Key"/>: day, source, five ids of up to 11 characters and the phrase, with separators.</summary>
    public const int KeyMaxLength = 200;

    private EmptySearchTally()
    {
    }

    /// <summary>A first search of its kind on <paramref name="day"/>: <see cref="Count"/> starts at one.</summary>
    public EmptySearchTally(DateOnly day, EmptySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        (Day, Source, CategoryId, MarketId, StageId, SectorId, RegionId, Phrase) =
            (day, search.Source, search.CategoryId, search.MarketId, search.StageId, search.SectorId, search.RegionId, search.Phrase);
        Key = KeyOf(day, search);
        Count = 1;
    }

    public long Id { get; private set; }

    /// <summary>
    /// Everything that identifies the row, as one text (<see cref="KeyOf"/>), unique: a unique index over the
    /// nullable columns themselves would not stop two rows (SQLite and PostgreSQL treat NULLs as distinct), so the
    /// upsert of <see cref="EmptySearchLog"/> relies on this one. The report also derives the cell key of the
    /// row's searches from it (<see cref="Privacy.SmallCellProtection.SearchesKey"/>).
    /// </summary>
    public string Key { get; private set; } = "";

    /// <summary>The portal day (in the display time zone) the searches were made on.</summary>
    public DateOnly Day { get; private set; }

    public EmptySearchSource Source { get; private set; }

    public int? CategoryId { get; private set; }

    public int? MarketId { get; private set; }

    public int? StageId { get; private set; }

    public int? SectorId { get; private set; }

    public int? RegionId { get; private set; }

    /// <summary>The normalised words (<see cref="SearchPhrase.Normalise"/>), at most <see cref="SearchPhrase.MaxLength"/> characters; null when none were kept.</summary>
    public string? Phrase { get; private set; }

    /// <summary>How many such searches found nothing that day (at least one).</summary>
    public int Count { get; private set; }

    /// <summary>The row's <see cref="Key"/>: <c>2027-01-09|2|12||31|||ce marking</c> (day, source number, category, market, stage, sector, region, phrase).</summary>
    public static string KeyOf(DateOnly day, EmptySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        static string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";
        return string.Join('|', day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ((int)search.Source).ToString(CultureInfo.InvariantCulture),
            Id(search.CategoryId), Id(search.MarketId), Id(search.StageId), Id(search.SectorId), Id(search.RegionId), search.Phrase ?? "");
    }
}
