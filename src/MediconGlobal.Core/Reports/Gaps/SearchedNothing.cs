using MediconGlobal.Core.Catalogue.FoundNothing;
using MediconGlobal.Core.Data;
using MediconGlobal.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>One row of <see cref="EmptySearchTally"/> as the layer reads it.</summary>
public sealed record SearchTally(string Key, int? CategoryId, int? MarketId, int? StageId, int? SectorId, int? RegionId, string? Phrase, int Count)
{
    /// <summary>The row's value for a gap dimension (null: not chosen in the search).</summary>
    public int? ValueOf(GapDimension dimension) => dimension switch
    {
        GapDimension.Category => CategoryId,
        GapDimension.Market => MarketId,
        GapDimension.Stage => StageId,
        GapDimension.Sector => SectorId,
        GapDimension.Region => RegionId,
        _ => throw GapDimensions.Unknown(dimension),
    };
}

/// <summary>A phrase searched for, with how many searches for it found nothing (published in the protected view).</summary>
public sealed record PhraseCount(string Phrase, int Count);

/// <summary>
/// The gap report's "searched, found nothing" layer (issue 19 item 7, ADR 1779): how many searches of the catalogue
/// and the guided path found nothing, by the report's two dimensions, as its own figure beside the needs — never
/// mixed into their counts or coverage. Only the values some search chose are on the axes ("not specified" for
/// searches that left a dimension open). In the <see cref="GapView.Protected"/> view every count is published like
/// the needs' (ADR 1801: 0 or at least 3, within ±4; totals from their own searches) and rows and columns showing
/// only 0 are left out. <see cref="Phrases"/> are the words searched at least <see cref="SearchedNothing.PhraseThreshold"/> times.
/// </summary>
public sealed record SearchedNothingLayer(
    GapView View,
    IReadOnlyList<AxisValue> Rows,
    IReadOnlyList<AxisValue> Columns,
    IReadOnlyList<IReadOnlyList<int>> Cells,
    IReadOnlyList<int> RowTotals,
    IReadOnlyList<int> ColumnTotals,
    int Total,
    IReadOnlyList<PhraseCount> Phrases)
{
    /// <summary>The count of the cell with these axis keys (ids; null for not specified), 0 when the layer has no such cell.</summary>
    public int CellFor(int? rowId, int? columnId)
    {
        var row = Rows.ToList().FindIndex(r => r.Id == rowId);
        var column = Columns.ToList().FindIndex(c => c.Id == columnId);
        return row < 0 || column < 0 ? 0 : Cells[row][column];
    }
}

/// <summary>
/// Reads and computes the "searched, found nothing" layer (ADR 1779). The searches are anonymous, so the layer follows
/// the report's period (on the day searched) and its region and sector filters (the region and sector the search
/// chose), but has nothing to say under a filter on the company's country, home incubator or the needs' status:
/// with a country or incubator filter there is no layer (<see cref="Applies"/>), and the status filter is ignored.
/// </summary>
public static class SearchedNothing
{
    /// <summary>A phrase is listed only when at least this many searches for it found nothing (the suppression threshold).</summary>
    public const int PhraseThreshold = 3;

    /// <summary>The most phrases listed.</summary>
    public const int PhrasesShown = 10;

    /// <summary>Whether the layer can be shown under these filters: not with a country or home incubator filter.</summary>
    public static bool Applies(GapFilters filters) =>
        filters is { CountryCode: null or "", HomeIncubatorId: null };

    /// <summary>The tallies within the report's period, region and sector filters.</summary>
    public static IQueryable<EmptySearchTally> Within(IQueryable<EmptySearchTally> tallies, GapFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.From is { } from)
        {
            tallies = tallies.Where(t => t.Day >= from);
        }

        if (filters.To is { } to)
        {
            tallies = tallies.Where(t => t.Day <= to);
        }

        if (filters.RegionId is { } region)
        {
            tallies = tallies.Where(t => t.RegionId == region);
        }

        if (filters.SectorId is { } sector)
        {
            tallies = tallies.Where(t => t.SectorId == sector);
        }

        return tallies;
    }

    /// <summary>The tallies a report's layer counts (none when it does not <see cref="Applies"/>).</summary>
    public static async Task<IReadOnlyList<SearchTally>> LoadAsync(AppDbContext db, GapFilters filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Applies(filters))
        {
            return [];
        }

        return await Within(db.EmptySearchTallies.AsNoTracking(), filters)
            .Select(t => new SearchTally(t.Key, t.CategoryId, t.MarketId, t.StageId, t.SectorId, t.RegionId, t.Phrase, t.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The layer of <paramref name="tallies"/> by the query's two dimensions, exact or — given
    /// <paramref name="protection"/> — published. The axes are <paramref name="rowTerms"/> and
    /// <paramref name="columnTerms"/> in their order, limited to the values some search chose.
    /// </summary>
    public static SearchedNothingLayer Compute(GapQuery query, IReadOnlyList<AxisTerm> rowTerms, IReadOnlyList<AxisTerm> columnTerms, IReadOnlyList<SearchTally> tallies, SmallCellProtection? protection = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tallies);
        var rows = GapCalculator.BuildAxis([.. rowTerms.Select(t => t with { Optional = true })], tallies.Select(t => t.ValueOf(query.Rows)));
        var columns = GapCalculator.BuildAxis([.. columnTerms.Select(t => t with { Optional = true })], tallies.Select(t => t.ValueOf(query.Columns)));
        var rowIndex = rows.Select((v, i) => (v, i)).ToDictionary(x => x.v.Id ?? -1, x => x.i);
        var columnIndex = columns.Select((v, i) => (v, i)).ToDictionary(x => x.v.Id ?? -1, x => x.i);
        var cells = rows.Select(_ => new Sum[columns.Count]).ToArray();
        var rowTotals = new Sum[rows.Count];
        var columnTotals = new Sum[columns.Count];
        var total = default(Sum);
        foreach (var tally in tallies)
        {
            var key = protection?.SearchesKey(tally.Key, tally.Count) ?? CellKey.Empty;
            var (r, c) = (rowIndex[tally.ValueOf(query.Rows) ?? -1], columnIndex[tally.ValueOf(query.Columns) ?? -1]);
            cells[r][c] = cells[r][c].Add(tally.Count, key);
            rowTotals[r] = rowTotals[r].Add(tally.Count, key);
            columnTotals[c] = columnTotals[c].Add(tally.Count, key);
            total = total.Add(tally.Count, key);
        }

        int Shown(Sum sum) => protection is null ? sum.Searches : SmallCellProtection.Publish(sum.Searches, sum.Key);
        var shownCells = cells.Select(row => row.Select(Shown).ToArray()).ToArray();
        var shownRows = rowTotals.Select(Shown).ToArray();
        var shownColumns = columnTotals.Select(Shown).ToArray();

        // As for the needs (ADR 1801): rows and columns that show only 0 are left out, so the shape says no more than the figures.
        var keptRows = Enumerable.Range(0, rows.Count).Where(r => shownRows[r] > 0 || shownCells[r].Any(v => v > 0)).ToList();
        var keptColumns = Enumerable.Range(0, columns.Count).Where(c => shownColumns[c] > 0 || shownCells.Any(row => row[c] > 0)).ToList();
        return new SearchedNothingLayer(
            protection is null ? GapView.Full : GapView.Protected,
            keptRows.Select(r => rows[r]).ToList(),
            keptColumns.Select(c => columns[c]).ToList(),
            keptRows.Select(r => (IReadOnlyList<int>)keptColumns.Select(c => shownCells[r][c]).ToList()).ToList(),
            keptRows.Select(r => shownRows[r]).ToList(),
            keptColumns.Select(c => shownColumns[c]).ToList(),
            Shown(total),
            Phrases(tallies, protection));
    }

    /// <summary>The tallies of one cell of the layer (axis ids; null for not specified).</summary>
    public static IReadOnlyList<SearchTally> InCell(IEnumerable<SearchTally> tallies, GapQuery query, int? rowId, int? columnId)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. tallies.Where(t => t.ValueOf(query.Rows) == rowId && t.ValueOf(query.Columns) == columnId)];
    }

    /// <summary>
    /// The phrases searched at least <see cref="PhraseThreshold"/> times, most searched first (at most
    /// <see cref="PhrasesShown"/>); given <paramref name="protection"/>, with published counts (a phrase published as 0 is left out).
    /// </summary>
    public static IReadOnlyList<PhraseCount> Phrases(IEnumerable<SearchTally> tallies, SmallCellProtection? protection = null) =>
        [.. tallies.Where(t => t.Phrase is not null)
            .GroupBy(t => t.Phrase!, StringComparer.Ordinal)
            .Select(g => (Phrase: g.Key, Count: g.Aggregate(default(Sum), (sum, t) => sum.Add(t.Count, protection?.SearchesKey(t.Key, t.Count) ?? CellKey.Empty))))
            .Where(p => p.Count.Searches >= PhraseThreshold)
            .Select(p => new PhraseCount(p.Phrase, protection is null ? p.Count.Searches : SmallCellProtection.Publish(p.Count.Searches, p.Count.Key)))
            .Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count).ThenBy(p => p.Phrase, StringComparer.Ordinal)
            .Take(PhrasesShown)];

    /// <summary>A count of searches with the sum of their keys.</summary>
    private readonly record struct Sum(int Searches, CellKey Key)
    {
        public Sum Add(int searches, CellKey key) => new(Searches + searches, new CellKey(unchecked(Key.Value + key.Value)));
    }
}
