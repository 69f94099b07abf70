namespace MediconGlobal.Core.Reports.Gaps;

public enum GapChange
{
    Same,
    Better,
    Worse,
    NewDemand,
    NoDemand,
}

/// <summary>How one cell moved between two reports of the same two dimensions.</summary>
public sealed record CellChange(AxisValue Row, AxisValue Column, GapFigures Before, GapFigures After, GapChange Change);

/// <summary>
/// Compares two full reports cell by cell (matched on the axis values' ids). A cell got better when a larger
/// share of its needs is covered by a matching offer, or, at equal coverage, when a smaller share went unmet;
/// worse the other way round.
/// </summary>
public static class GapComparison
{
    public static bool CanCompare(GapReport before, GapReport after) =>
        before.Query.Rows == after.Query.Rows && before.Query.Columns == after.Query.Columns
        && before.View == GapView.Full && after.View == GapView.Full;

    public static IReadOnlyList<CellChange> Compare(GapReport before, GapReport after)
    {
        if (!CanCompare(before, after))
        {
            throw new ArgumentException("Only full reports of the same two dimensions can be compared.", nameof(after));
        }

        var old = Index(before);
        var now = Index(after);
        var rows = before.Rows.Concat(after.Rows).DistinctBy(r => r.Id).ToList();
        var columns = before.Columns.Concat(after.Columns).DistinctBy(c => c.Id).ToList();
        return rows.SelectMany(row => columns.Select(column =>
            {
                var a = old.GetValueOrDefault((row.Id, column.Id)) ?? GapFigures.Zero;
                var b = now.GetValueOrDefault((row.Id, column.Id)) ?? GapFigures.Zero;
                return new CellChange(row, column, a, b, Classify(a, b));
            }))
            .Where(c => c.Before.Needs > 0 || c.After.Needs > 0)
            .ToList();
    }

    public static GapChange Classify(GapFigures before, GapFigures after)
    {
        if (before.Needs == 0)
        {
            return after.Needs == 0 ? GapChange.Same : GapChange.NewDemand;
        }

        if (after.Needs == 0)
        {
            return GapChange.NoDemand;
        }

        var coverage = Math.Round(after.Coverage!.Value - before.Coverage!.Value, 6);
        if (coverage != 0)
        {
            return coverage > 0 ? GapChange.Better : GapChange.Worse;
        }

        var unmet = Math.Round(after.UnmetShare!.Value - before.UnmetShare!.Value, 6);
        return unmet == 0 ? GapChange.Same : unmet < 0 ? GapChange.Better : GapChange.Worse;
    }

    private static Dictionary<(int?, int?), GapFigures> Index(GapReport report)
    {
        var cells = new Dictionary<(int?, int?), GapFigures>();
        for (var r = 0; r < report.Rows.Count; r++)
        {
            for (var c = 0; c < report.Columns.Count; c++)
            {
                cells[(report.Rows[r].Id, report.Columns[c].Id)] = report.Cell(r, c).Figures!;
            }
        }

        return cells;
    }
}
