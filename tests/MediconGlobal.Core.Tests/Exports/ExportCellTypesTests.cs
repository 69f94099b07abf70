using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Catalogue;
using MediconGlobal.Core.Domain;
using MediconGlobal.Core.Exports;
using MediconGlobal.Core.Reports.Gaps;
using MediconGlobal.Core.Scope;
using MediconGlobal.Core.Time;

namespace MediconGlobal.Core.Tests.Exports;

/// <summary>
/// Issue 13 item 8: in every XLSX and CSV export a cell's type comes from the value's type — text that looks like a
/// number ("1e3", "0012") stays text, numbers are numbers — and every CSV escapes text a spreadsheet would run as
/// a formula.
/// </summary>
public sealed class ExportCellTypesTests
{
    /// <summary>Text that spreadsheet programs would otherwise turn into a number, a date or a formula.</summary>
    public static TheoryData<string> LooksLikeSomethingElse => ["1e3", "0012", "2026-01-02", "1,5", "-5", "=1+1", "+46 40 123", "@SUM(A1)", "TRUE"];

    [Theory]
    [MemberData(nameof(LooksLikeSomethingElse))]
    public void XlsxCell_TextIsText_WhateverItLooksLike(string text)
    {
        var cell = ExportCells.XlsxCell(text);

        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Equal(text, cell.InlineString!.InnerText);
    }

    [Theory]
    [InlineData(1000, "1000")]
    [InlineData(12.5, "12.5")]
    [InlineData(-3L, "-3")]
    public void XlsxCell_NumbersAreNumbers_InInvariantNotation(object number, string stored)
    {
        var cell = ExportCells.XlsxCell(number);

        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        Assert.Equal(stored, cell.CellValue!.Text);
    }

    [Fact]
    public void XlsxCell_DecimalIsANumber_AndNullAnEmptyCell()
    {
        Assert.Equal(2138347.5, double.Parse(ExportCells.XlsxCell(2138347.50m).CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Null(ExportCells.XlsxCell(null).DataType);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+46 40 123", "'+46 40 123")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("1e3", "1e3")]
    [InlineData("Malmö, Lund", "Malmö, Lund")]
    public void CsvRecord_TextStartingLikeAFormula_IsEscaped_OtherTextKept(string text, string expected)
    {
        var fields = ReadCsv(writer =>
        {
            using var csv = ExportCells.CsvWriter(writer);
            ExportCells.WriteCsvRecord(csv, [text, -5, 2.5, null]);
        }).Single();

        Assert.Equal([expected, "-5", "2.5", ""], fields);
    }

    [Fact]
    public void GapXlsx_AnOfferNamed1e3_StaysText_AndFiguresAreNumbers()
    {
        var data = new GapExportData(GapReportNamed("=HYPERLINK(\"http://x\")"), [new GapExportOffer(new AxisValue(1, "=HYPERLINK(\"http://x\")"), new AxisValue(2, "USA"), 7, "1e3", "0012 Labs")], [new("Country", "SE")]);
        using var stream = new MemoryStream();

        GapExport.WriteXlsx(stream, data);

        var drill = Sheet(stream, "Drill-down");
        Assert.Equal([("1e3", true), ("0012 Labs", true), ("7", false)], drill[1].Skip(2).Select(c => (c.Text, c.IsText)));
        var matrix = Sheet(stream, "Matrix");
        Assert.Contains(matrix.SelectMany(r => r), c => c is { Text: "4", IsText: false });
    }

    [Fact]
    public void GapCsv_LabelsStartingLikeAFormula_AreEscaped_AndFiguresAreNumbers()
    {
        var rows = ReadCsv(writer => GapExport.WriteCsv(writer, GapReportNamed("=HYPERLINK(\"http://x\")")));

        var line = rows.Single(r => r[1] == "USA" && r[0] != "Total");
        Assert.Equal("'=HYPERLINK(\"http://x\")", line[0]);
        Assert.Equal("4", line[2]);
    }

    [Fact]
    public void ScopeCsvAndXlsx_ASegmentLabelStartingLikeAFormula_IsEscapedInCsv_AndTextInXlsx()
    {
        var region = new ScopeSegment(ScopeDimension.Region, 1, "-Skåne+1");
        var line = new ScopeLine(region, 4, 5, 1, 1, 2, new Dictionary<PartnershipStatus, int>());
        var cell = new ScopeCell(4, 5, 2, 3, 2);
        var cross = new ScopeCrossTable([new ScopeSegment(ScopeDimension.OrganisationType, 0, "Incubator")], [region], [[cell]], [cell], [cell], cell, true);
        var report = new ScopeReport([], [line], [new RankedLine(1, line)], cross);
        using var stream = new MemoryStream();

        var rows = ReadCsv(writer => ScopeExport.WriteCsv(writer, report));
        ScopeExport.WriteXlsx(stream, report, new DateTime(2026, 1, 2, 10, 0, 0, DateTimeKind.Utc), DisplayTime.For("Europe/Stockholm"));

        Assert.Equal(["Ranking", "1", "'-Skåne+1", "4", "5"], rows[1][..5]);
        var ranking = Sheet(stream, "Ranking");
        Assert.Equal([("1", false), ("-Skåne+1", true), ("4", false)], ranking[1].Take(3).Select(c => (c.Text, c.IsText)));
        Assert.Equal(["By type and region", "", "Incubator", "4", "5", "2"], rows[3][..6]);
        Assert.Equal(["'-Skåne+1", "3", "60"], rows[3][14..]);
        var crossTable = Sheet(stream, ScopeExport.CrossTableSection);
        Assert.Equal([("Incubator", true), ("-Skåne+1", true), ("4", false), ("5", false), ("2", false), ("3", false), ("60", false), ("2", false)], crossTable[1].Select(c => (c.Text, c.IsText)));
    }

    [Fact]
    public void CatalogueCsv_OfferTextStartingLikeAFormula_IsEscaped()
    {
        var row = new CatalogueCsvRow(3, "=cmd|' /C calc'!A0", "@Provider", null, "Legal", "Online", "Free", null, "", "", "", "", "", null, null, null, null, null, "2026-01-02", "-");

        var rows = ReadCsv(writer => writer.Write(System.Text.Encoding.UTF8.GetString(CatalogueCsv.Write([row], DisplayTime.For("Europe/Stockholm"))).TrimStart('\uFEFF')));

        Assert.Equal(["3", "'=cmd|' /C calc'!A0", "'@Provider"], rows[1][..3]);
        Assert.Equal("'-", rows[1][^1]);
    }

    private static GapReport GapReportNamed(string rowLabel)
    {
        var figures = new GapEntry(new GapFigures(Needs: 4, Companies: 3, Offers: 2, Covered: 2, Met: 1, UnmetNotAvailable: 1, UnmetNotEligible: 0));
        return new GapReport(GapQuery.Default, GapView.Protected, [new AxisValue(1, rowLabel)], [new AxisValue(2, "USA")], [[figures]], [figures], [figures], figures, []);
    }

    private static List<string[]> ReadCsv(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        using var reader = new CsvReader(new StringReader(writer.ToString()), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    private static List<List<(string Text, bool IsText)>> Sheet(Stream stream, string name)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? (c.InlineString!.InnerText, true) : (c.CellValue?.Text ?? "", false)).ToList())
            .ToList();
    }
}
