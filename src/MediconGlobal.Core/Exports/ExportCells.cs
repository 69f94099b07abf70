using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace MediconGlobal.Core.Exports;

/// <summary>
/// The one rule for cells in the portal's XLSX and CSV exports (issue 13 item 8, docs/data-quality.md): a cell's
/// type comes from the value's .NET type, never from what its text looks like. Integers and decimals are numbers;
/// a string is text even when it reads "1e3", "0012" or "2026-01-02"; null is an empty cell. In CSV, which has
/// no types, numbers are written in invariant notation ("-5", "12.5") and a text cell starting with =, +, -, @, tab
/// or carriage return is prefixed with an apostrophe so spreadsheet programs do not run it as a formula (OWASP
/// "CSV injection"). CsvHelper's own <see cref="InjectionOptions.Escape"/> is not used: it escapes every field,
/// numbers included, so a negative number would become the text "'-5".
/// </summary>
public static class ExportCells
{
    /// <summary>CsvHelper's configuration for every CSV export: invariant culture; escaping is by type, see <see cref="CsvWriter"/>.</summary>
    public static CsvConfiguration CsvConfiguration => new(CultureInfo.InvariantCulture);

    /// <summary>
    /// A CsvHelper writer on <paramref name="writer"/> (left open) for an export: <see cref="CsvConfiguration"/>,
    /// and every string a record holds written through <see cref="FormulaSafe"/> (numbers are not touched).
    /// </summary>
    public static CsvWriter CsvWriter(TextWriter writer)
    {
        var csv = new CsvWriter(writer, CsvConfiguration, leaveOpen: true);
        csv.Context.TypeConverterCache.AddConverter<string>(new FormulaSafeTextConverter());
        return csv;
    }

    /// <summary>Writes one CSV record: numbers in invariant notation, text through <see cref="FormulaSafe"/>, null as an empty cell.</summary>
    public static void WriteCsvRecord(CsvWriter csv, IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            csv.WriteField(value switch
            {
                null => "",
                _ when IsNumber(value) => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ => FormulaSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            });
        }

        csv.NextRecord();
    }

    /// <summary>
    /// <paramref name="text"/> as a spreadsheet program will not run it: prefixed with an apostrophe when it starts
    /// with =, +, -, @, tab or carriage return (the characters OWASP lists), otherwise unchanged.
    /// </summary>
    public static string FormulaSafe(string text) =>
        text is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] ? "'" + text : text;

    /// <summary>
    /// <paramref name="text"/> as it was before <see cref="FormulaSafe"/>: the apostrophe taken off when the next
    /// character is one <see cref="FormulaSafe"/> escapes, otherwise unchanged. For reading the portal's own exports
    /// back (the HSDS package import), so a round trip keeps "=1+2 Cluster" as it was typed.
    /// </summary>
    public static string WithoutFormulaEscape(string text) =>
        text is ['\'', ('=' or '+' or '-' or '@' or '\t' or '\r'), ..] ? text[1..] : text;

    /// <summary>One XLSX cell typed by <paramref name="value"/>'s type (<paramref name="reference"/> such as "B3" may be null).</summary>
    public static Cell XlsxCell(object? value, string? reference = null) => value switch
    {
        null => new Cell { CellReference = reference },
        _ when IsNumber(value) => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
    };

    /// <summary>A spreadsheet column's letters for a zero-based index: 0 is "A", 26 is "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static bool IsNumber(object value) => value is int or long or short or byte or uint or ulong or double or float or decimal;

    /// <summary>CsvHelper's converter for every string of a written record: <see cref="FormulaSafe"/>.</summary>
    private sealed class FormulaSafeTextConverter : CsvHelper.TypeConversion.StringConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is string text ? FormulaSafe(text) : base.ConvertToString(value, row, memberMapData);
    }
}
