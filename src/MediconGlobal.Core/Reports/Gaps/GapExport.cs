using MediconGlobal.Core.Exports;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Writes a (protected) gap report as XLSX — sheets "Matrix" (one block per measure), "Drill-down" (the
/// offers behind each cell that shows needs) and "Filters" (with <see cref="ProtectionNote"/>) — or as CSV
/// (one line per cell and total), with exactly the numbers of the protected view on screen.
/// </summary>
public static class GapExport
{
    /// <summary>What every export says about its figures (ADR 1801).</summary>
    public const string ProtectionNote =
        "Figures are perturbed to protect individual companies: each count may be off by up to 4, a 0 means no company or fewer than three, and totals may not add up exactly.";

    /// <summary>The measures in export order; each value is a number (int, or a rounded percentage as double) or null.</summary>
    public static readonly IReadOnlyList<(string Name, Func<GapFigures, object?> Value)> Measures =
    [
        ("Needs", f => f.Needs),
        ("Companies", f => f.Companies),
        ("Matching published offers", f => f.Offers),
        ("Needs with a matching offer", f => f.Covered),
        ("Met", f => f.Met),
        ("Unmet: not available", f => f.UnmetNotAvailable),
        ("Unmet: not eligible", f => f.UnmetNotEligible),
        ("Coverage (%)", f => Percent(f.Coverage)),
    ];

    /// <summary>A share (0–1) as a whole percentage number, or null when there is nothing to divide.</summary>
    public static object? Percent(double? share) => share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Writes the XLSX to <paramref name="stream"/> (left open) through <see cref="XlsxWorkbook"/>: the drill-down
    /// rows are enumerated while they are written, so a report with millions of them is never held in memory.
    /// </summary>
    public static void WriteXlsx(Stream stream, GapExportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        XlsxWorkbook.Write(stream,
        [
            new("Matrix", MatrixRows(data.Report)),
            new("Drill-down", DrillDownRows(data)),
            new("Filters", data.Filters.Select(f => new object?[] { f.Key, f.Value }).Prepend(["Filter", "Value"]).Append(["Figures", ProtectionNote])),
        ]);
    }

    public static void WriteCsv(TextWriter writer, GapReport report)
    {
        using var csv = ExportCells.CsvWriter(writer);
        ExportCells.WriteCsvRecord(csv, new[] { report.Query.Rows.Label(), report.Query.Columns.Label() }.Concat(Measures.Select(m => m.Name)));
        void Line(string row, string column, GapEntry entry) =>
            ExportCells.WriteCsvRecord(csv, new object?[] { row, column }.Concat(Measures.Select(m => Value(entry, m.Value))));
        for (var r = 0; r < report.Rows.Count; r++)
        {
            for (var c = 0; c < report.Columns.Count; c++)
            {
                Line(report.Rows[r].Label, report.Columns[c].Label, report.Cell(r, c));
            }

            Line(report.Rows[r].Label, "Total", report.RowTotals[r]);
        }

        for (var c = 0; c < report.Columns.Count; c++)
        {
            Line("Total", report.Columns[c].Label, report.ColumnTotals[c]);
        }

        Line("Total", "Total", report.Total);
    }

    private static IEnumerable<object?[]> MatrixRows(GapReport report)
    {
        foreach (var (name, value) in Measures)
        {
            yield return [name];
            yield return [$"{report.Query.Rows.Label()} \\ {report.Query.Columns.Label()}", .. report.Columns.Select(c => c.Label), "Total"];
            for (var r = 0; r < report.Rows.Count; r++)
            {
                yield return [report.Rows[r].Label, .. report.Cells[r].Select(e => Value(e, value)), Value(report.RowTotals[r], value)];
            }

            yield return ["Total", .. report.ColumnTotals.Select(e => Value(e, value)), Value(report.Total, value)];
            yield return [];
        }
    }

    private static IEnumerable<object?[]> DrillDownRows(GapExportData data)
    {
        yield return [data.Report.Query.Rows.Label(), data.Report.Query.Columns.Label(), "Offer", "Provider", "Offer id"];
        foreach (var offer in data.Offers)
        {
            yield return [offer.Row.Label, offer.Column.Label, offer.Offer, offer.Provider, offer.OfferId];
        }
    }

    private static object? Value(GapEntry entry, Func<GapFigures, object?> value) => value(entry.Figures);
}
