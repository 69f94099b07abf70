using MediconGlobal.Core.Reports.Gaps;

namespace MediconGlobal.Core.Tests.Reports;

/// <summary>
/// Plays the reader of a suppressed report who knows every shown number and that each row and column sums to
/// its total: it solves that linear system (Gaussian elimination) and fails the test if any hidden entry is
/// determined. Independent of the graph argument <see cref="GapSuppression"/> relies on.
/// </summary>
public static class SuppressionAttacker
{
    public static void AssertNothingRecoverable(GapReport report)
    {
        Assert.Equal(GapView.Suppressed, report.View);
        var rows = report.Rows.Count;
        var columns = report.Columns.Count;
        bool Hidden(int r, int c) =>
            (r < rows && c < columns ? report.Cell(r, c) : r < rows ? report.RowTotals[r] : c < columns ? report.ColumnTotals[c] : report.Total).IsSuppressed;

        var unknowns = new List<(int R, int C)>();
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (Hidden(r, c))
                {
                    unknowns.Add((r, c));
                }
            }
        }

        // Each line of the table extended with its totals: the inner entries minus the total make zero.
        var equations = new List<double[]>();
        for (var r = 0; r <= rows; r++)
        {
            equations.Add(unknowns.Select(u => u.R != r ? 0.0 : u.C == columns ? -1.0 : 1.0).ToArray());
        }

        for (var c = 0; c <= columns; c++)
        {
            equations.Add(unknowns.Select(u => u.C != c ? 0.0 : u.R == rows ? -1.0 : 1.0).ToArray());
        }

        var basis = Echelon(equations, unknowns.Count);
        for (var k = 0; k < unknowns.Count; k++)
        {
            var probe = new double[unknowns.Count];
            probe[k] = 1;
            Assert.False(InSpan(basis, probe), $"The hidden entry at row {unknowns[k].R}, column {unknowns[k].C} can be worked out from the totals.");
        }
    }

    private static List<(int Pivot, double[] Row)> Echelon(List<double[]> equations, int width)
    {
        var basis = new List<(int Pivot, double[] Row)>();
        foreach (var equation in equations)
        {
            var row = Reduce(basis, (double[])equation.Clone());
            var pivot = Array.FindIndex(row, v => Math.Abs(v) > 1e-9);
            if (pivot < 0)
            {
                continue;
            }

            var scale = row[pivot];
            for (var i = 0; i < width; i++)
            {
                row[i] /= scale;
            }

            // Keep the basis fully reduced so membership is one pass.
            foreach (var (p, other) in basis)
            {
                if (Math.Abs(other[pivot]) > 1e-9)
                {
                    var factor = other[pivot];
                    for (var i = 0; i < width; i++)
                    {
                        other[i] -= factor * row[i];
                    }
                }
            }

            basis.Add((pivot, row));
        }

        return basis;
    }

    private static double[] Reduce(List<(int Pivot, double[] Row)> basis, double[] vector)
    {
        foreach (var (pivot, row) in basis)
        {
            if (Math.Abs(vector[pivot]) > 1e-9)
            {
                var factor = vector[pivot];
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] -= factor * row[i];
                }
            }
        }

        return vector;
    }

    private static bool InSpan(List<(int Pivot, double[] Row)> basis, double[] vector) =>
        Reduce(basis, vector).All(v => Math.Abs(v) < 1e-9);
}
