using MediconGlobal.Core.Privacy;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Turns a full report (computed with record keys) into the protected one partner staff and every export get
/// (ADR 1801), through <see cref="SmallCellProtection"/>:
/// <list type="bullet">
/// <item>every cell, row and column total, grand total and month is a group of needs published on its own:
/// companies first (0 or at least 3; published 0, the whole entry shows 0), then needs, then each subset of
/// the needs (with a matching offer, met, unmet for each reason), never more than the needs;</item>
/// <item>totals are published from their own needs, not summed from published cells, so a total is the same
/// number in every report it appears in, and totals need not add up;</item>
/// <item>coverage and unmet share follow from the published counts; matching offers (a count of public
/// catalogue entries) are shown as they are unless the entry shows 0;</item>
/// <item>rows and columns published entirely as 0, and months published as 0 before the first or after the
/// last month with figures, are left out, so the shape of the report says no more than its figures.</item>
/// </list>
/// </summary>
public static class GapProtection
{
    /// <exception cref="InvalidOperationException">The report was computed without record keys.</exception>
    public static GapReport Apply(GapReport full, SmallCellProtection protection)
    {
        if (full.View == GapView.Protected)
        {
            return full;
        }

        GapEntry Publish(GapEntry entry) => new(Figures(entry, protection));
        var cells = full.Cells.Select(row => row.Select(Publish).ToList()).ToList();
        var rowTotals = full.RowTotals.Select(Publish).ToList();
        var columnTotals = full.ColumnTotals.Select(Publish).ToList();
        var trend = full.Trend.Select(t => t with { Entry = Publish(t.Entry) }).ToList();

        var rows = Enumerable.Range(0, full.Rows.Count).Where(r => !IsEmpty(rowTotals[r]) || cells[r].Any(e => !IsEmpty(e))).ToList();
        var columns = Enumerable.Range(0, full.Columns.Count).Where(c => !IsEmpty(columnTotals[c]) || cells.Any(row => !IsEmpty(row[c]))).ToList();
        var firstMonth = trend.FindIndex(t => !IsEmpty(t.Entry));
        var lastMonth = trend.FindLastIndex(t => !IsEmpty(t.Entry));
        return full with
        {
            View = GapView.Protected,
            Rows = rows.Select(r => full.Rows[r]).ToList(),
            Columns = columns.Select(c => full.Columns[c]).ToList(),
            Cells = rows.Select(r => (IReadOnlyList<GapEntry>)columns.Select(c => cells[r][c]).ToList()).ToList(),
            RowTotals = rows.Select(r => rowTotals[r]).ToList(),
            ColumnTotals = columns.Select(c => columnTotals[c]).ToList(),
            Total = Publish(full.Total),
            Trend = firstMonth < 0 ? [] : trend[firstMonth..(lastMonth + 1)],
        };
    }

    private static GapFigures Figures(GapEntry entry, SmallCellProtection protection)
    {
        var (f, k) = (entry.Figures, entry.Keys ?? throw new InvalidOperationException("The report was computed without record keys, so it cannot be protected."));
        var group = protection.Group(f.Companies, k.Companies, f.Needs, k.Needs);
        return new GapFigures(
            group.Records,
            group.Companies,
            group.Other(f.Offers),
            group.Part(f.Covered, k.Covered),
            group.Part(f.Met, k.Met),
            group.Part(f.UnmetNotAvailable, k.UnmetNotAvailable),
            group.Part(f.UnmetNotEligible, k.UnmetNotEligible));
    }

    private static bool IsEmpty(GapEntry entry) => entry.Figures.Companies == 0;
}
