using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Chancery.Web.Reports;

/// <summary>The Open XML pieces of an administrative paper (Nghị định 30/2020/NĐ-CP): A4 with its margins,
/// Times New Roman, paragraphs, short centred rules, bordered and borderless tables, pictures, and the page
/// number at the top centre from page 2. Open XML 2.x does not reorder children: every constructor below
/// lists them in the schema's order (Word refuses a file otherwise).</summary>
internal static class DocxBlocks
{
    public const string Font = "Times New Roman";

    /// <summary>Half-points: 14 pt body, 13 pt tables and headings block, 12 pt small lines.</summary>
    public const int Body = 28, Small = 26, Smaller = 24, Smallest = 22;

    // Twentieths of a point. A4 is 210 × 297 mm; margins top and bottom 20 mm, left 30 mm, right 15 mm.
    public const int PageWidth = 11906, PageHeight = 16838;
    public const int MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 851;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Document defaults: Times New Roman 14 pt in the document's language, single spacing.</summary>
    public static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font },
                new FontSize { Val = S(Body) }, new FontSizeComplexScript { Val = S(Body) },
                new Languages { Val = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    /// <summary>The page: A4, the administrative margins, and the page number at the top centre on every
    /// page but the first (the decree numbers pages from 2 on).</summary>
    public static SectionProperties Page(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new Text("2"))) { Instruction = " PAGE " }));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();

        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
                Header = 567, Footer = 567, Gutter = 0,
            },
            new TitlePage());
    }

    public sealed record Look(
        bool Bold = false, bool Italic = false, int Size = Body, JustificationValues? Align = null,
        int Before = 0, int After = 0, int FirstLine = 0, bool KeepNext = false, string? Color = null);

    public static Paragraph Para(string text, Look look) => Para([text], look);

    /// <summary>One paragraph; several lines are joined by line breaks (the heading's two-line names).</summary>
    public static Paragraph Para(IReadOnlyList<string> lines, Look look)
    {
        var properties = new ParagraphProperties();
        if (look.KeepNext) properties.Append(new KeepNext());
        properties.Append(new SpacingBetweenLines { Before = S(look.Before), After = S(look.After) });
        if (look.FirstLine > 0) properties.Append(new Indentation { FirstLine = S(look.FirstLine) });
        if (look.Align is { } align) properties.Append(new Justification { Val = align });
        var paragraph = new Paragraph(properties);
        var run = new Run(RunLook(look));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    private static RunProperties RunLook(Look look)
    {
        var properties = new RunProperties();
        if (look.Bold) properties.Append(new Bold());
        if (look.Italic) properties.Append(new Italic());
        if (look.Color is { } color) properties.Append(new Color { Val = color });
        properties.Append(new FontSize { Val = S(look.Size) }, new FontSizeComplexScript { Val = S(look.Size) });
        return properties;
    }

    /// <summary>A short centred rule (the line under the issuing body, the motto and the subject): an empty
    /// paragraph whose top border spans <paramref name="width"/> of the <paramref name="room"/> it sits in.</summary>
    public static Paragraph Rule(int width, int room)
    {
        var side = S(Math.Max(0, (room - width) / 2));
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { Before = "60", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    /// <summary>A word in a box at the left of the page (the classification stamp), sized to the word.</summary>
    public static Paragraph Stamp(string text, int width)
    {
        BorderType Edge<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 12, Space = 2, Color = "C00000" };
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>()),
                new SpacingBetweenLines { Before = "0", After = "240" },
                new Indentation { Left = "60", Right = S(TextWidth - width) },
                new Justification { Val = JustificationValues.Center }),
            new Run(RunLook(new Look(Bold: true, Size: Body, Color: "C00000")), new Text(text)));
    }

    /// <summary>A table without borders: the heading block and the signature block. Each row lists its
    /// cells, each cell its paragraphs (IReadOnlyList, not IEnumerable: an element is itself an enumerable
    /// of its children, and would be taken for a cell).</summary>
    public static Table Borderless(int[] widths, IReadOnlyList<IReadOnlyList<OpenXmlElement>[]> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = S(widths.Sum()) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                    new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                    new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = S(w) })));
        foreach (var cells in rows)
        {
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = S(widths[i]) }));
                cell.Append(cells[i]);
                if (!cell.Elements<Paragraph>().Any()) cell.Append(new Paragraph()); // a cell must end with a paragraph
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    /// <summary>A bordered table with a bold header row repeated on each page, 13 pt.</summary>
    public static Table Grid(int[] widths, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        // Schema order: top, left, bottom, right, inside borders; then the grid before the rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = S(widths.Sum()) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(widths.Select(w => new GridColumn { Width = S(w) })));
        table.Append(GridRow(widths, headers, header: true));
        foreach (var row in rows) table.Append(GridRow(widths, row, header: false));
        return table;
    }

    private static TableRow GridRow(int[] widths, IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = S(widths[i]) }),
                Para(cells[i], new Look(Bold: header, Size: Small, Before: 20, After: 20))));
        return row;
    }

    /// <summary>A PNG as an inline picture in its own centred paragraph, <paramref name="widthPoints"/> wide.</summary>
    public static Paragraph Picture(MainDocumentPart main, byte[] png, uint id, string description, int widthPoints, int heightPoints)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) part.FeedData(data);
        const long EmuPerPoint = 12700;
        long cx = widthPoints * EmuPerPoint, cy = heightPoints * EmuPerPoint;
        var name = FormattableString.Invariant($"chart{id}.png");

        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }
}
