using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MediconGlobal.Core.Text;

namespace MediconGlobal.Core.Import;

/// <summary>One data row: its spreadsheet row number and its cells by normalised header.</summary>
internal sealed record CsvRecord(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public bool Has(string column) => Cells.ContainsKey(column);

    /// <summary>Runs <paramref name="set"/> only when the file has the column: a column left out is not touched.</summary>
    public void IfPresent(string column, Action set)
    {
        if (Has(column))
        {
            set();
        }
    }

    /// <summary>The trimmed cell, or null when the column is absent or the cell is empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Trim() is { Length: > 0 } text ? text : null;
}

/// <summary>Reads an import file with CsvHelper: comma or semicolon separated, headers matched case-insensitively.</summary>
internal static class CsvRecords
{
    public const int MaxRows = 5000;

    /// <summary>
    /// Reads the rows. Headers in <paramref name="renames"/> are read as the portal column they name; headers in
    /// <paramref name="skipped"/> are not read and come back in <c>Skipped</c>, so the preview can say so.
    /// </summary>
    public static (IReadOnlyList<CsvRecord> Records, IReadOnlyList<Phrase> Errors, IReadOnlyList<string> Skipped) Read(
        string text, IReadOnlyList<ImportColumn> columns, IReadOnlyDictionary<string, string> renames, IReadOnlySet<string> skipped)
    {
        var errors = new List<Phrase>();
        var records = new List<CsvRecord>();
        List<string> skippedColumns = [];
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        try
        {
            using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
            if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { Length: > 0 } header)
            {
                return ([], [Phrase.L("The file is empty: the first row must name the columns.")], []);
            }

            var known = columns.Select(c => c.Name).ToHashSet();
            var read = header.Select(Normalise).ToArray();
            var names = read.Select(n => known.Contains(n) ? n : renames.TryGetValue(n, out var column) && !read.Contains(column) ? column : skipped.Contains(n) ? "" : n).ToArray();
            skippedColumns = read.Where(n => !known.Contains(n) && !renames.ContainsKey(n) && skipped.Contains(n)).Distinct().ToList();
            errors.AddRange(names.Where(n => n.Length > 0 && !known.Contains(n)).Distinct().Select(n => Phrase.L("Unknown column \"{0}\". The columns are: {1}.", n, string.Join(", ", known))));
            errors.AddRange(names.Where(n => n.Length > 0).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => Phrase.L("The column \"{0}\" appears more than once.", g.Key)));
            errors.AddRange(columns.Where(c => c.Required && !names.Contains(c.Name)).Select(c => Phrase.L("The required column \"{0}\" is missing.", c.Name)));
            while (reader.Read())
            {
                if (reader.Parser.Record is { } raw && raw.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (CellCountProblem(reader.Parser.Row, reader.Parser.Count, header.Length) is { } problem)
                {
                    errors.Add(problem);
                    continue;
                }

                var cells = new Dictionary<string, string>();
                for (var i = 0; i < names.Length; i++)
                {
                    if (names[i].Length > 0 && known.Contains(names[i]))
                    {
                        cells[names[i]] = reader.TryGetField<string>(i, out var value) ? value ?? "" : "";
                    }
                }

                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (records.Count == MaxRows)
                {
                    errors.Add(Phrase.L("The file has more than {0} rows; split it into smaller files.", MaxRows));
                    break;
                }

                records.Add(new CsvRecord(reader.Parser.Row, cells));
            }
        }
        catch (CsvHelperException exception)
        {
            errors.Add(Phrase.L("The file could not be read as CSV near row {0}: check the quotes.", exception.Context?.Parser?.Row ?? 0));
        }

        if (errors.Count == 0 && records.Count == 0)
        {
            errors.Add(Phrase.L("The file has a header but no data rows."));
        }

        return (records, errors, skippedColumns);
    }

    /// <summary>
    /// Null when a data row has as many cells as the header; otherwise the reason the row is refused. A row with
    /// more cells usually holds an unquoted comma ("Lund, Malmö"), one with fewer a quote left open or a line
    /// break inside a cell: keeping it would silently drop or shift cells (issue 13 item 1, docs/data-quality.md).
    /// </summary>
    /// <param name="row">The row as numbered in a spreadsheet (the header is row 1).</param>
    public static Phrase? CellCountProblem(int row, int cells, int headerCells) => cells == headerCells
        ? null
        : cells == 1
            ? Phrase.L("Row {0} has 1 cell but the header has {1}: check the quotes (a cell holding a comma, semicolon or line break must be in double quotes).", row, headerCells)
            : Phrase.L("Row {0} has {1} cells but the header has {2}: check the quotes (a cell holding a comma, semicolon or line break must be in double quotes).", row, cells, headerCells);

    /// <summary>"Lead organisation" and "lead-organisation" both read as "lead_organisation".</summary>
    public static string Normalise(string header) =>
        string.Join('_', header.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
}
