using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Time;

namespace MediconGlobal.Core.Scope;

/// <summary>
/// Writes the scope report as XLSX (sheets Ranking, By organisation type, By region, Notes) or CSV (one line per
/// segment with its section). Exports leave the portal, so they are given the protected report
/// (<see cref="ScopeQuery.LoadAsync"/> with the portal's <see cref="Privacy.SmallCellProtection"/>, ADR 1801).
/// </summary>
public static class ScopeExport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Section", "Rank", "Segment", "Companies", "Needs", "Gaps", "Closed unmet", "Active with no matching offer", "Gap share (%)",
        "Published offers", "Organisations mapped", "Contacted", "Engaged", "Partner",
    ];

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

    public static void WriteXlsx(Stream stream, ScopeReport report, DateTime generatedAt, DisplayTime time)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var rows = Rows(report).ToList();
        foreach (var (section, sheet) in new[] { ("Ranking", "Ranking"), ("By organisation type", "By organisation type"), ("By region", "By region") })
        {
            ExportCells.AddSheet(workbook, sheet, rows.Where(r => (string?)r[0] == section).Select(r => r[1..]).Prepend(Header.Skip(1).ToArray<object?>()));
        }

        ExportCells.AddSheet(workbook, "Notes",
        [
            ["Scope and target-group analysis, MediconGlobal"],
            [$"Generated ({time.ZoneId})", time.Minute(generatedAt)],
            ["Gaps", "Needs closed as unmet plus needs still open, in progress or referred that no published offer matches (the portal's matching rule)."],
            ["Ranking", "Segments with gaps, most gaps first; ties by gap share, then companies."],
            ["By organisation type", "Demand of the client companies of organisations of that type (their home incubator); offers provided by organisations of that type."],
            ["By region", "Demand of companies in the region; published offers open to companies there; organisations based there."],
            ["Protection", GapExport.ProtectionNote],
        ]);
        workbook.Workbook.Save();
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
        ];
}
