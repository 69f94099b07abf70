using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Time;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Core.Scope;

/// <summary>
/// Writes the scope report as XLSX (sheets Ranking, By organisation type, By region, By type and region, Notes)
/// or CSV (one line per segment with its section; the cross-table's cells and margins as lines of section
/// "By type and region" with the type as segment and a region column, "All" naming a margin). Exports leave the portal, so they are given the protected report
/// (<see cref="ScopeQuery.LoadAsync"/> with the portal's <see cref="Privacy.SmallCellProtection"/>, ADR 1801).
/// Sheet names, headings, sections and notes go through the reader's localiser <c>t</c> and segments through
/// <c>name</c> (the page's term names), as on screen (issue 14); without them the export is in English.
/// </summary>
public static class ScopeExport
{
    public static readonly IReadOnlyList<string> Header = // l10n
    [
        "Section", "Rank", "Segment", "Companies", "Needs", "Gaps", "Closed unmet", "Active with no matching offer", "Gap share (%)", // l10n
        "Published offers", "Organisations mapped", "Contacted", "Engaged", "Partner", "Region", "Needs with a matching offer", "Coverage (%)", // l10n
    ];

    /// <summary>The section of the cross-table's lines, and its XLSX sheet.</summary>
    public const string CrossTableSection = "By type and region"; // l10n

    /// <summary>What a margin of the cross-table is called in place of a type or region.</summary>
    public const string All = "All"; // l10n

    /// <summary>The columns of the XLSX sheet <see cref="CrossTableSection"/>.</summary>
    public static readonly IReadOnlyList<string> CrossTableHeader = // l10n
    [
        "Type of organisation", "Region", "Companies", "Needs", "Unmet", "Needs with a matching offer", "Coverage (%)", "Published offers", // l10n
    ];

    /// <summary>The cross-table as lines of <see cref="CrossTableHeader"/>: each cell, then each type's margin, each region's, and the total.</summary>
    /// <param name="words">The reader's words; null writes English.</param>
    public static IEnumerable<object?[]> CrossTableRows(ScopeCrossTable table, ScopeExportWords? words = null) =>
        CrossTableLines(table, words ?? ScopeExportWords.English).Select(l => new object?[]
        {
            l.Type, l.Region, l.Cell.Companies, l.Cell.Needs, l.Cell.Unmet, l.Cell.Covered, GapExport.Percent(l.Cell.Coverage), l.Cell.Offers,
        });

    private static IEnumerable<(string Type, string Region, ScopeCell Cell)> CrossTableLines(ScopeCrossTable table, ScopeExportWords words)
    {
        var all = words.T[All].Value;
        for (var i = 0; i < table.Types.Count; i++)
        {
            for (var j = 0; j < table.Regions.Count; j++)
            {
                yield return (words.Name(table.Types[i]), words.Name(table.Regions[j]), table.Cells[i][j]);
            }
        }

        for (var i = 0; i < table.Types.Count; i++)
        {
            yield return (words.Name(table.Types[i]), all, table.TypeTotals[i]);
        }

        for (var j = 0; j < table.Regions.Count; j++)
        {
            yield return (all, words.Name(table.Regions[j]), table.RegionTotals[j]);
        }

        yield return (all, all, table.Total);
    }

    /// <summary>The report as lines of <see cref="Header"/>, in the reader's words (English when <paramref name="words"/> is null).</summary>
    public static IEnumerable<object?[]> Rows(ScopeReport report, ScopeExportWords? words = null)
    {
        words ??= ScopeExportWords.English;
        foreach (var ranked in report.Ranking)
        {
            yield return Row(words.T["Ranking"], ranked.Rank, ranked.Line, words);
        }

        foreach (var line in report.ByType)
        {
            yield return Row(words.T["By organisation type"], null, line, words);
        }

        foreach (var line in report.ByRegion)
        {
            yield return Row(words.T["By region"], null, line, words);
        }

        var crossTable = words.T[CrossTableSection].Value;
        foreach (var (type, region, cell) in CrossTableLines(report.CrossTable, words))
        {
            // Unmet is the cross-table's gaps; closed unmet and active-with-no-match are not split per cell.
            yield return
            [
                crossTable, null, type, cell.Companies, cell.Needs, cell.Unmet, null, null, GapExport.Percent(cell.Needs == 0 ? null : (double)cell.Unmet / cell.Needs),
                cell.Offers, null, null, null, null, region, cell.Covered, GapExport.Percent(cell.Coverage),
            ];
        }
    }

    /// <param name="words">The reader's words; null writes English.</param>
    public static void WriteCsv(TextWriter writer, ScopeReport report, ScopeExportWords? words = null)
    {
        words ??= ScopeExportWords.English;
        using var csv = ExportCells.CsvWriter(writer);
        ExportCells.WriteCsvRecord(csv, Header.Select(h => words.T[h].Value));
        foreach (var row in Rows(report, words))
        {
            ExportCells.WriteCsvRecord(csv, row);
        }
    }

    /// <summary>Writes the XLSX to <paramref name="stream"/> (left open) through <see cref="XlsxWorkbook"/>; <paramref name="generatedAt"/> is UTC, shown in <paramref name="time"/>'s zone.</summary>
    /// <param name="words">The reader's words; null writes English.</param>
    public static void WriteXlsx(Stream stream, ScopeReport report, DateTime generatedAt, DisplayTime time, ScopeExportWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        words ??= ScopeExportWords.English;
        var t = words.T;
        var header = Header.Skip(1).SkipLast(3).Select(h => (object?)t[h].Value).ToArray();
        XlsxSheet Section(string section) => new(section, Rows(report, words).Where(r => (string?)r[0] == section).Select(r => r[1..^3]).Prepend(header));
        XlsxWorkbook.Write(stream,
        [
            Section(t["Ranking"]),
            Section(t["By organisation type"]),
            Section(t["By region"]),
            new(t[CrossTableSection], CrossTableRows(report.CrossTable, words).Prepend(CrossTableHeader.Select(h => (object?)t[h].Value).ToArray())),
            new(t["Notes"],
            [
                [t["Scope and target-group analysis, MediconGlobal"].Value],
                [t["Generated ({0})", time.ZoneId].Value, time.Minute(generatedAt)],
                [t["Gaps"].Value, t["Needs closed as unmet plus needs still open, in progress or referred that no published offer matches (the portal's matching rule)."].Value],
                [t["Ranking"].Value, t["Segments with gaps, most gaps first; ties by gap share, then companies."].Value],
                [t["By organisation type"].Value, t["Demand of the client companies of organisations of that type (their home incubator); offers provided by organisations of that type."].Value],
                [t["By region"].Value, t["Demand of companies in the region; published offers open to companies there; organisations based there."].Value],
                [t[CrossTableSection].Value, t["Each need once, under the type of the organisation serving it (its latest accepted or completed referral's receiver, else the company's home incubator) and its company's region; unmet = closed unmet plus active with no matching offer; coverage = needs with a matching offer / needs; offers of the type open to the region. 'All' is a margin."].Value],
                [t["Protection"].Value, t[GapExport.ProtectionNote].Value],
            ]),
        ]);
    }

    private static object?[] Row(string section, int? rank, ScopeLine line, ScopeExportWords words) =>
        [
            section,
            rank,
            words.Name(line.Segment),
            line.Companies,
            line.Needs,
            line.Gaps,
            line.Unmet,
            line.NoMatchingOffer,
            GapExport.Percent(line.GapShare),
            line.Offers,
            line.Organisations.GetValueOrDefault(PartnershipStatus.Mapped),
            line.Organisations.GetValueOrDefault(PartnershipStatus.Contacted),
            line.Organisations.GetValueOrDefault(PartnershipStatus.Engaged),
            line.Organisations.GetValueOrDefault(PartnershipStatus.Partner),
            null,
            null,
            null,
        ];
}

/// <summary>
/// The reader's words for a scope export: the localiser <paramref name="T"/> (headings, sections, notes) and
/// <paramref name="Segment"/>, a segment's name in the reader's language (the page's term and type names); without it
/// the stored label.
/// </summary>
public sealed record ScopeExportWords(IStringLocalizer T, Func<ScopeSegment, string>? Segment = null)
{
    /// <summary>The English export.</summary>
    public static readonly ScopeExportWords English = new(EnglishText.Instance);

    /// <summary>A segment's name for the reader.</summary>
    public string Name(ScopeSegment segment) => Segment?.Invoke(segment) ?? segment.Label;
}
