using Chancery.Web.Common.Localization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Reports;

/// <summary>The review as a Word document (OpenXml 2.x): title, period, the paragraph in the reader's
/// language then in the other one, a table of figures, and one table per list. Labels follow the
/// current culture.</summary>
public static class AnnualReviewDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(AnnualReview review, IStringLocalizer<ReportsText> text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            var sections = ReviewSections.Of(review);

            body.Append(Heading(text["DocumentTitle"], 32));
            body.Append(Text(text["Period", Formats.Date(review.From), Formats.Date(review.To)]));
            if (review.Forecast) body.Append(Text(text["ForecastNote"], italic: true));

            var vietnameseFirst = LocalizationSetup.IsVietnamese;
            var (first, second) = vietnameseFirst ? (review.ParagraphVi, review.ParagraphEn) : (review.ParagraphEn, review.ParagraphVi);
            body.Append(Text(first));
            body.Append(Heading(text[vietnameseFirst ? "Language_en" : "Language_vi"], 24));
            body.Append(Text(second, italic: true));

            body.Append(Heading(text["Figures"], 28));
            body.Append(Table([text["Figure"], text["Count"]],
                sections.Select(s => (IReadOnlyList<string>)[text[s.LabelKey], s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)])));

            foreach (var section in sections)
            {
                body.Append(Heading($"{text[section.LabelKey]} ({section.Count})", 26));
                if (section.Count == 0) body.Append(Text(text["NoRecords"], italic: true));
                else if (section.Countries is { } countries)
                    body.Append(Table([text["Code"], text["Country"]],
                        countries.Select(c => (IReadOnlyList<string>)[c.Code, LocalizationSetup.IsVietnamese ? c.NameVi : c.NameEn])));
                else
                    body.Append(Table([text["Date"], text["Title"], text["Leader"], text["Countries"]],
                        section.Records!.Select(r => (IReadOnlyList<string>)[Formats.Date(r.DateStart), r.Title ?? r.ExternalRef, r.Leader ?? "", ReviewCountryNames.Names(r.Countries)])));
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Heading(string value, int halfPoints) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
            new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                new Text(value) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Text(string value, bool italic = false)
    {
        var run = new Run(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        if (italic) run.PrependChild(new RunProperties(new Italic()));
        return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120" }), run);
    }

    private static Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        // Schema order matters (Word refuses a file otherwise): top, left, bottom, right, inside borders;
        // then the grid before the rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(ColumnWidths(headers.Count).Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        return table;
    }

    /// <summary>Twentieths of a point across an A4 text width (about 9000): the title column gets the room.</summary>
    private static int[] ColumnWidths(int columns) => columns switch
    {
        2 => [6500, 2500],
        4 => [1500, 3900, 2000, 1600],
        _ => Enumerable.Repeat(9000 / columns, columns).ToArray(),
    };

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }
}
