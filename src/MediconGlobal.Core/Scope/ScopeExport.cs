using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Time;

namespace MediconGlobal.Core.Scope;

/// <summary>
/// Writes the scope report as XLSX (sheets Ranking, By organisation type, By region, By type and region, Notes)
/// or CSV (one line per segment with its section; the cross-table's cells and margins as lines of section
/// "By type and region" with the type as segment and a region column, "All" naming a margin). Exports leave the portal, so they are given the protected report
/// (<see cref="ScopeQuery.LoadAsync"/> with the portal's <see cref="Privacy.SmallCellProtection"/>, ADR 1801).
/// </summary>
public static class ScopeExport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Section", "Rank", "Segment", "Companies", "Needs", "Gaps", "Closed unmet", "Active with no matching offer", "Gap share (%)",
        "Published offers", "Organisations mapped", "Contacted", "Engaged", "Partner", "Region", "Needs with a matching offer", "Coverage (%)",
    ];

    /// <summary>The section of the cross-table's lines, and its XLSX sheet.</summary>
    public const string CrossTableSection = "By type and region";

    /// <summary>What a margin of the cross-table is called in place of a type or region.</summary>
    public const string All = "All";

    /// <summary>The columns of the XLSX sheet <see cref="CrossTableSection"/>.</summary>
    public static readonly IReadOnlyList<string> CrossTableHeader =
    [
        "Type of organisation", "Region", "Companies", "Needs", "Unmet", "Needs with a matching offer", "Coverage (%)", "Published offers",
    ];

    /// <summary>The cross-table as lines of <see cref="CrossTableHeader"/>: each cell, then each type's margin, each region's, and the total.</summary>
    public static IEnumerable<object?[]> CrossTableRows(ScopeCrossTable table) =>
        CrossTableLines(table).Select(l => new object?[]
        {
            l.Type, l.Region, l.Cell.Companies, l.Cell.Needs, l.Cell.Unmet, l.Cell.Covered, GapExport.Percent(l.Cell.Coverage), l.Cell.Offers,
        });

    private static IEnumerable<(string Type, string Region, ScopeCell Cell)> CrossTableLines(ScopeCrossTable table)
    {
        for (var i = 0; i < table.Types.Count; i++)
        {
            for (var j = 0; j < table.Regions.Count; j++)
            {
                yield return (table.Types[i].Label, table.Regions[j].Label, table.Cells[i][j]);
            }
        }

        for (var i = 0; i < table.Types.Count; i++)
        {
            yield return (table.Types[i].Label, All, table.TypeTotals[i]);
        }

        for (var j = 0; j < table.Regions.Count; j++)
        {
            yield return (All, table.Regions[j].Label, table.RegionTotals[j]);
        }

        yield return (All, All, table.Total);
    }

    public static IEnumerable<object?[]> Rows(ScopeReport report)
    {
        foreach (var ranked in report.Ranking)
        {
            yield return Row("Ranking", ranked.Rank, ranked.Line);
        }

        foreach (var line in report.ByType)
        {
            yield return Row("By organisation type", null, line);
        }

        foreach (var line in report.ByRegion)
        {
            yield return Row("By region", null, line);
        }

        foreach (var (type, region, cell) in CrossTableLines(report.CrossTable))
        {
            // Unmet is the cross-table's gaps; closed unmet and active-with-no-match are not split per cell.
            yield return
            [
                CrossTableSection, null, type, cell.Companies, cell.Needs, cell.Unmet, null, null, GapExport.Percent(cell.Needs == 0 ? null : (double)cell.Unmet / cell.Needs),
                cell.Offers, null, null, null, null, region, cell.Covered, GapExport.Percent(cell.Coverage),
            ];
        }
    }

    public static void WriteCsv(TextWriter writer, ScopeReport report)
    {
        using var csv = ExportCells.CsvWriter(writer);
        ExportCells.WriteCsvRecord(csv, Header);
        foreach (var row in Rows(report))
        {
            ExportCells.WriteCsvRecord(csv, row);
        }
    }

    /// <summary>Writes the XLSX to <paramref name="stream"/> (left open) through <see cref="XlsxWorkbook"/>; <paramref name="generatedAt"/> is UTC, shown in <paramref name="time"/>'s zone.</summary>
    public static void WriteXlsx(Stream stream, ScopeReport report, DateTime generatedAt, DisplayTime time)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        var header = Header.Skip(1).SkipLast(3).ToArray<object?>();
        XlsxSheet Section(string section) => new(section, Rows(report).Where(r => (string?)r[0] == section).Select(r => r[1..^3]).Prepend(header));
        XlsxWorkbook.Write(stream,
        [
            Section("Ranking"),
            Section("By organisation type"),
            Section("By region"),
            new(CrossTableSection, CrossTableRows(report.CrossTable).Prepend(CrossTableHeader.ToArray<object?>())),
            new("Notes",
            [
                ["Scope and target-group analysis, MediconGlobal"],
                [$"Generated ({time.ZoneId})", time.Minute(generatedAt)],
                ["Gaps", "Needs closed as unmet plus needs still open, in progress or referred that no published offer matches (the portal's matching rule)."],
                ["Ranking", "Segments with gaps, most gaps first; ties by gap share, then companies."],
                ["By organisation type", "Demand of the client companies of organisations of that type (their home incubator); offers provided by organisations of that type."],
                ["By region", "Demand of companies in the region; published offers open to companies there; organisations based there."],
                [CrossTableSection, "Each need once, under the type of the organisation serving it (its latest accepted or completed referral's receiver, else the company's home incubator) and its company's region; unmet = closed unmet plus active with no matching offer; coverage = needs with a matching offer / needs; offers of the type open to the region. 'All' is a margin."],
                ["Protection", GapExport.ProtectionNote],
            ]),
        ]);
    }

    private static object?[] Row(string section, int? rank, ScopeLine line) =>
        [
            section,
            rank,
            line.Segment.Label,
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
