using MediconGlobal.Core.Exports;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Core.Reports.Gaps;

/// <summary>
/// Writes a (protected) gap report as XLSX — sheets "Matrix" (one block per measure), "Drill-down" (the
/// offers behind each cell that shows needs) and "Filters" (with <see cref="ProtectionNote"/>) — or as CSV
/// (one line per cell and total), with exactly the numbers of the protected view on screen. Sheet names, headings,
/// measures and notes are written through the reader's localiser <c>t</c> (issue 14: exports in the reader's
/// language; English when none is given, <see cref="EnglishText"/>), axis values through <c>label</c> (the page's
/// term names); organisation and offer names stay as stored.
/// </summary>
public static class GapExport
{
    /// <summary>What every export says about its figures (ADR 1801).</summary>
    public const string ProtectionNote = "Figures are perturbed to protect individual companies: each count may be off by up to 4, a 0 means no company or fewer than three, and totals may not add up exactly."; // l10n

    /// <summary>The measures in export order; each value is a number (int, or a rounded percentage as double) or null.</summary>
    public static readonly IReadOnlyList<(string Name, Func<GapFigures, object?> Value)> Measures =
    [
        ("Needs", f => f.Needs), // l10n
        ("Companies", f => f.Companies), // l10n
        ("Matching published offers", f => f.Offers), // l10n
        ("Needs with a matching offer", f => f.Covered), // l10n
        ("Met", f => f.Met), // l10n
        ("Unmet: not available", f => f.UnmetNotAvailable), // l10n
        ("Unmet: not eligible", f => f.UnmetNotEligible), // l10n
        ("Coverage (%)", f => Percent(f.Coverage)), // l10n
    ];

    /// <summary>A share (0–1) as a whole percentage number, or null when there is nothing to divide.</summary>
    public static object? Percent(double? share) => share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Writes the XLSX to <paramref name="stream"/> (left open) through <see cref="XlsxWorkbook"/>: the drill-down
    /// rows are enumerated while they are written, so a report with millions of them is never held in memory.
    /// </summary>
    /// <param name="t">The reader's localiser; null writes English.</param>
    /// <param name="label">An axis value's name for the reader (a term in their language); null writes the stored label.</param>
    /// <param name="searches">The report's protected "searched, found nothing" layer (ADR 1779), written as a sheet of its own; null leaves it out.</param>
    public static void WriteXlsx(Stream stream, GapExportData data, IStringLocalizer? t = null, Func<AxisValue, string>? label = null, SearchedNothingLayer? searches = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var words = new Words(t ?? EnglishText.Instance, label);
        List<XlsxSheet> sheets =
        [
            new(words.T["Matrix"], MatrixRows(data.Report, words)),
            new(words.T["Drill-down"], DrillDownRows(data, words)),
        ];
        if (searches is not null)
        {
            sheets.Add(new(words.T[SearchesHeading], SearchRows(data.Report.Query, searches, words)));
        }

        sheets.Add(new(words.T["Filters"], data.Filters.Select(f => new object?[] { f.Key, f.Value }).Prepend([words.T["Filter"], words.T["Value"]]).Append([words.T["Figures"], words.T[ProtectionNote]])));
        XlsxWorkbook.Write(stream, sheets);
    }

    /// <inheritdoc cref="WriteXlsx"/>
    /// <param name="searches">
    /// The report's protected "searched, found nothing" layer (ADR 1779): one more column, and a line (with the needs'
    /// measures empty) for each of its cells and totals that the report has no line for. Null leaves it out.
    /// </param>
    public static void WriteCsv(TextWriter writer, GapReport report, IStringLocalizer? t = null, Func<AxisValue, string>? label = null, SearchedNothingLayer? searches = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var words = new Words(t ?? EnglishText.Instance, label);
        using var csv = ExportCells.CsvWriter(writer);
        var heading = new[] { words.Dimension(report.Query.Rows), words.Dimension(report.Query.Columns) }.Concat(Measures.Select(m => words.T[m.Name].Value));
        ExportCells.WriteCsvRecord(csv, searches is null ? heading : heading.Append(words.T[SearchesHeading].Value));
        var searchLines = SearchLines(searches);
        const string Total = "total";
        void Line(AxisValue? row, AxisValue? column, GapEntry? entry)
        {
            var key = (row?.Key ?? Total, column?.Key ?? Total);
            var values = new object?[] { row is null ? words.T["Total"].Value : words.Name(row), column is null ? words.T["Total"].Value : words.Name(column) }
                .Concat(Measures.Select(m => entry is null ? null : Value(entry, m.Value)));
            ExportCells.WriteCsvRecord(csv, searches is null ? values : values.Append(searchLines.Remove(key, out var count) ? count.Searches : 0));
        }

        for (var r = 0; r < report.Rows.Count; r++)
        {
            for (var c = 0; c < report.Columns.Count; c++)
            {
                Line(report.Rows[r], report.Columns[c], report.Cell(r, c));
            }

            Line(report.Rows[r], null, report.RowTotals[r]);
        }

        for (var c = 0; c < report.Columns.Count; c++)
        {
            Line(null, report.Columns[c], report.ColumnTotals[c]);
        }

        Line(null, null, report.Total);
        foreach (var (row, column, _) in searchLines.Values.ToList())
        {
            Line(row, column, null);
        }
    }

    /// <summary>The heading of the "searched, found nothing" layer in exports (ADR 1779).</summary>
    public const string SearchesHeading = "Searched, found nothing"; // l10n

    /// <summary>The layer's cells and totals by (row key, column key), "total" for a total, with their axis values (null: total); none without a layer.</summary>
    private static Dictionary<(string, string), (AxisValue? Row, AxisValue? Column, int Searches)> SearchLines(SearchedNothingLayer? layer)
    {
        var lines = new Dictionary<(string, string), (AxisValue? Row, AxisValue? Column, int Searches)>();
        if (layer is null)
        {
            return lines;
        }

        for (var r = 0; r < layer.Rows.Count; r++)
        {
            for (var c = 0; c < layer.Columns.Count; c++)
            {
                if (layer.Cells[r][c] > 0)
                {
                    lines[(layer.Rows[r].Key, layer.Columns[c].Key)] = (layer.Rows[r], layer.Columns[c], layer.Cells[r][c]);
                }
            }

            lines[(layer.Rows[r].Key, "total")] = (layer.Rows[r], null, layer.RowTotals[r]);
        }

        for (var c = 0; c < layer.Columns.Count; c++)
        {
            lines[("total", layer.Columns[c].Key)] = (null, layer.Columns[c], layer.ColumnTotals[c]);
        }

        lines[("total", "total")] = (null, null, layer.Total);
        return lines;
    }

    private static IEnumerable<object?[]> SearchRows(GapQuery query, SearchedNothingLayer layer, Words words)
    {
        var total = words.T["Total"].Value;
        yield return [words.T[SearchesHeading].Value];
        yield return [$"{words.Dimension(query.Rows)} \\ {words.Dimension(query.Columns)}", .. layer.Columns.Select(words.Name), total];
        for (var r = 0; r < layer.Rows.Count; r++)
        {
            yield return [words.Name(layer.Rows[r]), .. layer.Cells[r].Cast<object?>(), layer.RowTotals[r]];
        }

        yield return [total, .. layer.ColumnTotals.Cast<object?>(), layer.Total];
        yield return [];
        yield return [words.T["Words searched for most often"].Value, words.T["Searches"].Value];
        foreach (var phrase in layer.Phrases)
        {
            yield return [phrase.Phrase, phrase.Count];
        }
    }

    private static IEnumerable<object?[]> MatrixRows(GapReport report, Words words)
    {
        var total = words.T["Total"].Value;
        foreach (var (name, value) in Measures)
        {
            yield return [words.T[name].Value];
            yield return [$"{words.Dimension(report.Query.Rows)} \\ {words.Dimension(report.Query.Columns)}", .. report.Columns.Select(words.Name), total];
            for (var r = 0; r < report.Rows.Count; r++)
            {
                yield return [words.Name(report.Rows[r]), .. report.Cells[r].Select(e => Value(e, value)), Value(report.RowTotals[r], value)];
            }

            yield return [total, .. report.ColumnTotals.Select(e => Value(e, value)), Value(report.Total, value)];
            yield return [];
        }
    }

    private static IEnumerable<object?[]> DrillDownRows(GapExportData data, Words words)
    {
        yield return [words.Dimension(data.Report.Query.Rows), words.Dimension(data.Report.Query.Columns), words.T["Offer"].Value, words.T["Provider"].Value, words.T["Offer id"].Value];
        foreach (var offer in data.Offers)
        {
            yield return [words.Name(offer.Row), words.Name(offer.Column), offer.Offer, offer.Provider, offer.OfferId];
        }
    }

    private static object? Value(GapEntry entry, Func<GapFigures, object?> value) => value(entry.Figures);

    /// <summary>The reader's words: the localiser, and axis values by name (the page's term names, else the stored label).</summary>
    private sealed record Words(IStringLocalizer T, Func<AxisValue, string>? Label)
    {
        public string Name(AxisValue value) => Label?.Invoke(value) ?? (value.Id is null ? T[AxisValue.NotSpecified].Value : value.Label);

        public string Dimension(GapDimension dimension) => T[dimension.Label()].Value;
    }
}
