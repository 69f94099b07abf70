using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Writes a (suppressed) gap report as XLSX — sheets "Matrix" (one block per measure), "Drill-down" (the
/// offers behind each shown cell) and "Filters" — or as CSV (one line per cell and total). Hidden figures
/// are written as <see cref="SuppressedMark"/>, exactly as on screen.
/// </summary>
public static class GapExport
{
    public const string SuppressedMark = "c";

    public static readonly IReadOnlyList<(string Name, Func<GapFigures, object> Value)> Measures =
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

    public static string Percent(double? share) => share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : "";

    public static void WriteXlsx(Stream stream, GapExportData data)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddSheet(workbook, "Matrix", MatrixRows(data.Report));
        AddSheet(workbook, "Drill-down", DrillDownRows(data));
        AddSheet(workbook, "Filters", data.Filters.Select(f => new object[] { f.Key, f.Value }).Prepend(["Filter", "Value"]).Append(["View", "Suppressed: fewer than three companies, or hidden to protect such a cell, shown as " + SuppressedMark]));
        workbook.Workbook.Save();
    }

    public static void WriteCsv(TextWriter writer, GapReport report)
    {
        var header = new[] { report.Query.Rows.Label(), report.Query.Columns.Label() }.Concat(Measures.Select(m => m.Name));
        writer.WriteLine(string.Join(',', header.Select(Quote)));
        void Line(string row, string column, GapEntry entry) =>
            writer.WriteLine(string.Join(',', new[] { row, column }.Concat(Measures.Select(m => CsvText(entry, m.Value))).Select(Quote)));
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

    private static IEnumerable<object[]> MatrixRows(GapReport report)
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

    private static IEnumerable<object[]> DrillDownRows(GapExportData data)
    {
        yield return [data.Report.Query.Rows.Label(), data.Report.Query.Columns.Label(), "Offer", "Provider", "Offer id"];
        foreach (var offer in data.Offers)
        {
            yield return [offer.Row.Label, offer.Column.Label, offer.Offer, offer.Provider, offer.OfferId];
        }
    }

    private static object Value(GapEntry entry, Func<GapFigures, object> value) => entry.Figures is { } f ? value(f) : SuppressedMark;

    private static string CsvText(GapEntry entry, Func<GapFigures, object> value) => Value(entry, value) switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static void AddSheet(WorkbookPart workbook, string name, IEnumerable<object[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 0;
        foreach (var values in rows)
        {
            index++;
            var row = new Row { RowIndex = index };
            for (var i = 0; i < values.Length; i++)
            {
                row.Append(Cell($"{Column(i)}{index}", values[i]));
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        int number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Length > 0 && text != SuppressedMark =>
            new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText(value.ToString() ?? "")) },
    };

    private static string Column(int index)
    {
        var name = new StringBuilder();
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((index - 1) % 26)));
        }

        return name.ToString();
    }
}
