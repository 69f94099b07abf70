namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Turns a full report into the view partner staff and every export get (ADR 0501):
/// <list type="number">
/// <item>Primary suppression: every cell, total or month about one or two companies is hidden.</item>
/// <item>Totals: if exactly one row total (or column total, or month) is hidden, the smallest other one is
/// hidden too, so it cannot be worked out as the grand total minus the others. This depends only on that one
/// dimension, so a total is shown or hidden the same way in every report with the same filters.</item>
/// <item>Complementary cells: the matrix with its totals is a set of equations (each row and column sums to
/// its total). A hidden entry can be worked out from the shown ones exactly when it is a bridge in the graph
/// whose nodes are the rows and columns (the totals row and column included) and whose edges are the hidden
/// entries. While a primary entry is such a bridge, the cheapest set of further cells (fewest needs) that
/// closes a cycle through it is hidden. Totals are never hidden this way, so they agree across reports.</item>
/// <item>When that cannot be done, or the whole report is about fewer than three companies, everything but
/// zeros is hidden.</item>
/// </list>
/// Zero cells stay visible: they say nothing about any company.
/// </summary>
public static class GapSuppression
{
    public const int MinimumCompanies = 3;

    public static GapReport Apply(GapReport full)
    {
        if (full.View == GapView.Suppressed)
        {
            return full;
        }

        var table = new Table(full);
        var protectedTable = table.Total.Companies >= MinimumCompanies && table.Protect();
        if (!protectedTable)
        {
            table.HideAllNonZero();
        }

        return full with
        {
            View = GapView.Suppressed,
            Cells = Enumerable.Range(0, table.RowCount).Select(r => (IReadOnlyList<GapEntry>)Enumerable.Range(0, table.ColumnCount).Select(c => table.Entry(r, c)).ToList()).ToList(),
            RowTotals = Enumerable.Range(0, table.RowCount).Select(r => table.Entry(r, table.ColumnCount)).ToList(),
            ColumnTotals = Enumerable.Range(0, table.ColumnCount).Select(c => table.Entry(table.RowCount, c)).ToList(),
            Total = table.Entry(table.RowCount, table.ColumnCount),
            Trend = SuppressLine(full.Trend.Select(t => t.Entry.Figures!).ToList(), table.Total)
                .Select((entry, i) => new TrendPoint(full.Trend[i].Month, entry)).ToList(),
        };
    }

    /// <summary>True when figures about this many companies must not be shown.</summary>
    public static bool IsSmall(GapFigures figures) => figures.Companies is > 0 and < MinimumCompanies;

    /// <summary>Primary suppression of a one-dimensional list that sums to <paramref name="total"/>, plus one complement if only one is hidden.</summary>
    private static List<GapEntry> SuppressLine(IReadOnlyList<GapFigures> line, GapFigures total)
    {
        if (total.Companies < MinimumCompanies)
        {
            return line.Select(f => f.Companies == 0 ? new GapEntry(f) : GapEntry.Hidden).ToList();
        }

        var hidden = line.Select(IsSmall).ToArray();
        ComplementSingle(line, hidden);
        return line.Select((f, i) => hidden[i] ? GapEntry.Hidden : new GapEntry(f)).ToList();
    }

    /// <summary>If exactly one member of a line that sums to a shown total is hidden, hides the smallest other non-empty one.</summary>
    internal static void ComplementSingle(IReadOnlyList<GapFigures> line, bool[] hidden)
    {
        if (hidden.Count(h => h) != 1)
        {
            return;
        }

        var candidate = Enumerable.Range(0, line.Count)
            .Where(i => !hidden[i] && line[i].Companies > 0)
            .OrderBy(i => line[i].Needs).ThenBy(i => line[i].Companies).ThenBy(i => i)
            .Select(i => (int?)i).FirstOrDefault();
        if (candidate is { } index)
        {
            hidden[index] = true;
        }
    }

    /// <summary>The matrix extended with its totals row and column: entry (RowCount, ColumnCount) is the grand total.</summary>
    private sealed class Table
    {
        private readonly GapFigures[,] _figures;
        private readonly bool[,] _hidden;
        private readonly bool[,] _primary;

        public Table(GapReport full)
        {
            RowCount = full.Rows.Count;
            ColumnCount = full.Columns.Count;
            _figures = new GapFigures[RowCount + 1, ColumnCount + 1];
            _hidden = new bool[RowCount + 1, ColumnCount + 1];
            _primary = new bool[RowCount + 1, ColumnCount + 1];
            for (var r = 0; r <= RowCount; r++)
            {
                for (var c = 0; c <= ColumnCount; c++)
                {
                    var entry = r < RowCount && c < ColumnCount ? full.Cell(r, c)
                        : r < RowCount ? full.RowTotals[r]
                        : c < ColumnCount ? full.ColumnTotals[c]
                        : full.Total;
                    _figures[r, c] = entry.Figures ?? throw new ArgumentException("A full report has every figure.", nameof(full));
                    _hidden[r, c] = _primary[r, c] = IsSmall(_figures[r, c]);
                }
            }
        }

        public int RowCount { get; }

        public int ColumnCount { get; }

        public GapFigures Total => _figures[RowCount, ColumnCount];

        public GapEntry Entry(int r, int c) => _hidden[r, c] ? GapEntry.Hidden : new GapEntry(_figures[r, c]);

        public void HideAllNonZero()
        {
            for (var r = 0; r <= RowCount; r++)
            {
                for (var c = 0; c <= ColumnCount; c++)
                {
                    _hidden[r, c] = _figures[r, c].Companies > 0;
                }
            }
        }

        /// <summary>Hides totals and cells until no primary entry can be worked out; false if that is impossible.</summary>
        public bool Protect()
        {
            ComplementTotals(RowCount, r => (r, ColumnCount));
            ComplementTotals(ColumnCount, c => (RowCount, c));
            var graph = new SuppressionGraph(RowCount + 1, ColumnCount + 1);
            while (true)
            {
                var bridge = graph.FirstBridge(_hidden, (r, c) => _primary[r, c]);
                if (bridge is not { } edge)
                {
                    return true;
                }

                var path = graph.CheapestDetour(edge, _hidden, Cost);
                if (path is null)
                {
                    return false;
                }

                foreach (var (r, c) in path)
                {
                    _hidden[r, c] = true;
                }
            }
        }

        private void ComplementTotals(int count, Func<int, (int R, int C)> at)
        {
            var line = Enumerable.Range(0, count).Select(i => _figures[at(i).R, at(i).C]).ToList();
            var hidden = Enumerable.Range(0, count).Select(i => _hidden[at(i).R, at(i).C]).ToArray();
            ComplementSingle(line, hidden);
            for (var i = 0; i < count; i++)
            {
                _hidden[at(i).R, at(i).C] = hidden[i];
            }
        }

        /// <summary>The cost of hiding a shown entry: its needs. Only non-empty inner cells may be hidden to protect others.</summary>
        private int? Cost(int r, int c) =>
            r < RowCount && c < ColumnCount && _figures[r, c].Companies > 0 ? _figures[r, c].Needs : null;
    }
}
