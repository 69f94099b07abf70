using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MediconGlobal.Core.Exports;

/// <summary>One worksheet of an export: its tab name and its rows, each an array of cell values typed by <see cref="ExportCells.XlsxCell"/>.</summary>
public sealed record XlsxSheet(string Name, IEnumerable<object?[]> Rows);

/// <summary>
/// The one writer of the portal's XLSX downloads (ADR 1204). Rows are written as they are enumerated with
/// <see cref="OpenXmlWriter"/> (SAX), never built as a document in memory, and compressed straight to the output:
/// the SDK lays out the package (workbook, sheet list, relationships, content types) with empty sheets, and the
/// package is then copied entry by entry into a zip opened for writing only, each sheet written in place of its
/// empty one. (The SDK cannot write a write-only package, and a package it opens for writing is a zip in update
/// mode, which keeps every part uncompressed in memory until it is closed — Open-XML-SDK issue 807.) A full-scale
/// gap report download peaked at 1.5–1.8 GB with the document model (issue 12).
/// </summary>
public static class XlsxWorkbook
{
    /// <summary>The media type of an XLSX file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes a workbook with <paramref name="sheets"/> in order to <paramref name="output"/> (writable; left open).
    /// Each sheet's rows are enumerated once, while it is written. Sheet names must be unique and at most 31
    /// characters (the spreadsheet format's limit).
    /// </summary>
    public static void Write(Stream output, IEnumerable<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var layout = new MemoryStream();
        var rowsByEntry = new Dictionary<string, IEnumerable<object?[]>>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Create(layout, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var index = new Sheets();
            workbook.Workbook = new Workbook(index);
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData());
                index.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)index.ChildElements.Count + 1, Name = sheet.Name });
                rowsByEntry.Add(part.Uri.OriginalString.TrimStart('/'), sheet.Rows);
            }
        }

        layout.Position = 0;
        using var source = new ZipArchive(layout, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            if (rowsByEntry.TryGetValue(entry.FullName, out var rows))
            {
                WriteWorksheet(to, rows);
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    private static void WriteWorksheet(Stream stream, IEnumerable<object?[]> rows)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        uint index = 0;
        foreach (var values in rows)
        {
            index++;
            writer.WriteStartElement(new Row { RowIndex = index });
            for (var i = 0; i < values.Length; i++)
            {
                writer.WriteElement(ExportCells.XlsxCell(values[i], $"{ExportCells.ColumnName(i)}{index}"));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
