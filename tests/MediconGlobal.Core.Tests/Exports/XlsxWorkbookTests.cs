using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediconGlobal.Core.Exports;

namespace MediconGlobal.Core.Tests.Exports;

/// <summary>
/// Issue 12: XLSX downloads are written row by row (<see cref="XlsxWorkbook"/>, ADR 1204) and read back by the
/// OpenXML SDK cell for cell as the document model wrote them.
/// </summary>
public sealed class XlsxWorkbookTests
{
    private const int ManyRows = 5_000;

    [Fact]
    public void Write_FiveThousandRows_ReadBackCellForCell_InSheetOrder()
    {
        using var stream = new MemoryStream();

        XlsxWorkbook.Write(stream,
        [
            new("Offers", Enumerable.Range(1, ManyRows).Select(Row).Prepend(["Id", "Name", "Share", "Note"])),
            new("Notes", [["Written"], [null, "second column"]]),
        ]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.Equal(["Offers", "Notes"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var offers = Cells(document, "Offers");
        Assert.Equal(ManyRows + 1, offers.Count);
        Assert.Equal([("A1", "Id", true), ("B1", "Name", true), ("C1", "Share", true), ("D1", "Note", true)], offers[0]);
        for (var i = 1; i <= ManyRows; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(
                [("A" + n, i.ToString(CultureInfo.InvariantCulture), false), ("B" + n, $"Offer {i:D5}", true), ("C" + n, (i / 4.0).ToString(CultureInfo.InvariantCulture), false), ("D" + n, "", false)],
                offers[i]);
        }

        var notes = Cells(document, "Notes");
        Assert.Equal([("A1", "Written", true)], notes[0]);
        Assert.Equal([("A2", "", false), ("B2", "second column", true)], notes[1]);
    }

    [Fact]
    public void Write_SendsRowsToTheOutput_WhileTheyAreStillBeingEnumerated()
    {
        using var stream = new MemoryStream();
        long writtenHalfway = 0;
        IEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= 10 * ManyRows; i++)
            {
                if (i == 5 * ManyRows)
                {
                    writtenHalfway = stream.Length;
                }

                yield return Row(i);
            }
        }

        XlsxWorkbook.Write(stream, [new("Offers", Rows())]);

        // A package opened for update keeps every part in memory until it is closed: nothing would be written yet.
        Assert.True(writtenHalfway > 10_000, $"{writtenHalfway} bytes written halfway through the rows");
        Assert.True(stream.Length > writtenHalfway);
    }

    private static object?[] Row(int i) => [i, $"Offer {i:D5}", i / 4.0, null];

    private static List<List<(string Reference, string Text, bool IsText)>> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>()
                .Select(c => c.DataType?.Value == CellValues.InlineString ? (c.CellReference!.Value!, c.InlineString!.InnerText, true) : (c.CellReference!.Value!, c.CellValue?.Text ?? "", false))
                .ToList())
            .ToList();
    }
}
