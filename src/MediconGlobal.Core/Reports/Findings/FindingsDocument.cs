using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace MediconGlobal.Core.Reports.Findings;

/// <summary>
/// One table of the findings report as people read it, in the viewer's language: a caption, the address of the
/// report and filters that produce its figures (relative to the portal, e.g. <c>/reports/gaps?rows=category…</c>),
/// the column headings and the rows of formatted cells. The page and the DOCX both render these, so their
/// figures cannot differ.
/// </summary>
public sealed record FindingsTable(string Caption, string Source, string SourceLabel, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null)
{
    /// <summary>
    /// No rows (e.g. no need closed as unmet yet, no brokers): the page and the DOCX both show the caption with a
    /// "nothing to show" line and no table, so neither holds a table the other lacks.
    /// </summary>
    public bool IsEmpty => Rows.Count == 0;
}

/// <summary>A section of the findings report: a heading, an optional introduction and its tables.</summary>
public sealed record FindingsSection(string Id, string Heading, string? Introduction, IReadOnlyList<FindingsTable> Tables);

/// <summary>
/// Writes the findings report as a Word document (DOCX) with the OpenXML SDK: a title, one Heading 1 per section,
/// one Heading 2 per table, native tables with a header row (an empty table is the <c>nothingToShow</c> line, as on the page), and under each table the report it comes from with
/// its full address (<paramref name="absolute"/> of <see cref="FindingsTable.Source"/>, from the configured public address), so a reader can trace
/// every figure (issue 17 item 3).
/// </summary>
public static class FindingsDocument
{
    public static void Write(Stream stream, string title, string subtitle, IReadOnlyList<FindingsSection> sections, Func<string, string> absolute, string sourceWord, string nothingToShow)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        body.Append(Paragraph(title, "Title"), Paragraph(subtitle, null));
        foreach (var section in sections)
        {
            body.Append(Paragraph(section.Heading, "Heading1"));
            if (section.Introduction is not null)
            {
                body.Append(Paragraph(section.Introduction, null));
            }

            foreach (var table in section.Tables)
            {
                body.Append(Paragraph(table.Caption, "Heading2"));
                body.Append(table.IsEmpty ? Paragraph(nothingToShow, null) : Table(table));
                if (table.Note is not null)
                {
                    body.Append(Paragraph(table.Note, null));
                }

                body.Append(Paragraph($"{sourceWord}: {table.SourceLabel} – {absolute(table.Source)}", null));
            }
        }

        // A4 portrait with 2 cm margins, as the printed page.
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(FindingsTable source)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(source.Columns, header: true));
        foreach (var row in source.Rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var text in cells)
        {
            var run = new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    /// <summary>Title and heading styles, so Word lists the sections in its navigation pane and table of contents.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        styles.Append(Style("Title", "Title", 0, 40));
        styles.Append(Style("Heading1", "heading 1", 1, 32));
        styles.Append(Style("Heading2", "heading 2", 2, 26));
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style Style(string id, string name, int outline, int halfPoints)
    {
        var properties = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline > 0)
        {
            properties.Append(new OutlineLevel { Val = outline - 1 });
        }

        return new Style(
            new StyleName { Val = name },
            new PrimaryStyle(),
            properties,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
