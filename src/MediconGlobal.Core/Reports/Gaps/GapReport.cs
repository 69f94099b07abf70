namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// A computed gap report: the matrix of <see cref="Rows"/> × <see cref="Columns"/>, its row and column totals,
/// the grand total and the trend by month. In the <see cref="GapView.Protected"/> view every figure is a
/// published one (see <see cref="GapProtection"/>). Plain data, so it can be saved as a snapshot.
/// </summary>
public sealed record GapReport(
    GapQuery Query,
    GapView View,
    IReadOnlyList<AxisValue> Rows,
    IReadOnlyList<AxisValue> Columns,
    IReadOnlyList<IReadOnlyList<GapEntry>> Cells,
    IReadOnlyList<GapEntry> RowTotals,
    IReadOnlyList<GapEntry> ColumnTotals,
    GapEntry Total,
    IReadOnlyList<TrendPoint> Trend)
{
    public GapEntry Cell(int row, int column) => Cells[row][column];

    /// <summary>Finds a cell by its axis keys (<see cref="AxisValue.Key"/>).</summary>
    public (int Row, int Column)? Find(int? rowId, int? columnId)
    {
        var row = IndexOf(Rows, rowId);
        var column = IndexOf(Columns, columnId);
        return row < 0 || column < 0 ? null : (row, column);
    }

    /// <summary>The cells with the most unmet needs.</summary>
    public IReadOnlyList<TopGap> TopUnmet(int count) =>
        Rows.SelectMany((row, r) => Columns.Select((column, c) => (row, column, figures: Cells[r][c].Figures)))
            .Where(x => x.figures.Unmet > 0)
            .OrderByDescending(x => x.figures.Unmet)
            .ThenByDescending(x => x.figures.UnmetNotAvailable)
            .ThenByDescending(x => x.figures.Needs)
            .Take(count)
            .Select(x => new TopGap(x.row, x.column, x.figures))
            .ToList();

    private static int IndexOf(IReadOnlyList<AxisValue> axis, int? id)
    {
        for (var i = 0; i < axis.Count; i++)
        {
            if (axis[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
