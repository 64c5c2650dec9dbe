using System.Globalization;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using static Chancery.Web.Reports.DocxBlocks;

namespace Chancery.Web.Reports;

/// <summary>The review as the report a ministry files (the layout of Nghị định 30/2020/NĐ-CP): the
/// classification stamp when a counted record is above internal; the heading block (issuing body and
/// number left, national motto and place-and-date right); "BÁO CÁO" and the subject; the paragraph in the
/// document's language then in the other; the figures, the charts and one table per list; the signature
/// block with its recipients. Every word follows the document's culture (<see cref="DocumentCulture"/>).</summary>
public static class AnnualReviewDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int LeftColumn = 3600;
    private const int RightColumn = TextWidth - LeftColumn;
    private const int CellPadding = 216; // Word's default cell margins, 108 each side
    private const int HalfPage = TextWidth / 2;

    public static byte[] Write(AnnualReview review, ReviewIssuer issuer, ReviewChartData.Charts charts,
        IStringLocalizer<ReportsText> text, IStringLocalizer<SharedText> shared)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            AddStyles(main, LocalizationSetup.IsVietnamese ? "vi-VN" : "en-US");

            var level = ReviewMarking.Highest(review);
            if (ReviewMarking.IsMarked(level)) body.Append(Mark(shared[$"Class_{level.ToCode()}"]));
            body.Append(HeadingBlock(issuer, text));
            body.Append(TitleBlock(review, text));
            body.Append(Paragraphs(review, text));
            body.Append(Figures(review, text));
            body.Append(Charts(main, charts, text));
            body.Append(Lists(review, text));
            body.Append(SignatureBlock(text));
            body.Append(Page(main));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Upper(string value) => value.ToUpper(CultureInfo.CurrentCulture);

    /// <summary>"MẬT", "TỐI MẬT", "TUYỆT MẬT" in a red box above the heading, as wide as the word.</summary>
    private static Paragraph Mark(string level) => Stamp(Upper(level), 500 + 230 * level.Length);

    /// <summary>Two borderless columns: the issuing body over its rule and the number; the motto over its
    /// rule and the place and date, in the sector's day.</summary>
    private static Table HeadingBlock(ReviewIssuer issuer, IStringLocalizer<ReportsText> text)
    {
        var centred = new Look(Size: Small, Align: JustificationValues.Center);
        List<OpenXmlElement> body = issuer switch
        {
            { Unit: null } => [Para(text["Issuer"], centred with { Bold = true })],
            { Parent: null } => [Para(Upper(issuer.Unit), centred with { Bold = true })],
            _ => [Para(Upper(issuer.Parent), centred), Para(Upper(issuer.Unit), centred with { Bold = true })],
        };
        body.Add(Rule(1300, LeftColumn - CellPadding));
        OpenXmlElement[] motto =
        [
            Para(text["Motto_Country"], centred with { Bold = true, Size = Smaller }),
            Para(text["Motto_Words"], centred with { Bold = true }),
            Rule(3300, RightColumn - CellPadding),
        ];
        OpenXmlElement[] number = [Para(text["DocumentNumber"], centred with { Before = 120 })];
        OpenXmlElement[] date = [Para(PlaceAndDate(issuer.Date, text), centred with { Italic = true, Before = 120 })];
        return Borderless([LeftColumn, RightColumn], [[body, motto], [number, date]]);
    }

    /// <summary>"Hà Nội, ngày 05 tháng 02 năm 2026": the decree writes a 0 before days under 10 and
    /// before months 1 and 2. English: "Hanoi, 5 February 2026".</summary>
    private static string PlaceAndDate(DateOnly date, IStringLocalizer<ReportsText> text)
    {
        var day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = date.Month.ToString(date.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture);
        return text["PlaceAndDate", date.ToDateTime(TimeOnly.MinValue), day, month];
    }

    private static IEnumerable<OpenXmlElement> TitleBlock(AnnualReview review, IStringLocalizer<ReportsText> text)
    {
        var centred = new Look(Bold: true, Align: JustificationValues.Center);
        yield return Para(text["ReportTitle"], centred with { Before = 480 });
        yield return Para(text["DocumentTitle"], centred);
        yield return Para(text["Period", Formats.Date(review.From), Formats.Date(review.To)], centred with { Bold = false, Italic = true, Size = Small });
        yield return Rule(1800, TextWidth);
        if (review.Forecast) yield return Para(text["ForecastNote"], new Look(Italic: true, Align: JustificationValues.Center, After: 120));
    }

    private static readonly Look BodyText = new(Align: JustificationValues.Both, FirstLine: 567, Before: 120, After: 120);

    private static Paragraph Heading(string value) => Para(value, new Look(Bold: true, Before: 240, After: 120, KeepNext: true));

    private static IEnumerable<OpenXmlElement> Paragraphs(AnnualReview review, IStringLocalizer<ReportsText> text)
    {
        var vietnameseFirst = LocalizationSetup.IsVietnamese;
        var (first, second) = vietnameseFirst ? (review.ParagraphVi, review.ParagraphEn) : (review.ParagraphEn, review.ParagraphVi);
        yield return Para(first, BodyText with { Before = 240 });
        yield return Heading(text[vietnameseFirst ? "Language_en" : "Language_vi"]);
        yield return Para(second, BodyText with { Italic = true, Before = 0 });
    }

    private static IEnumerable<OpenXmlElement> Figures(AnnualReview review, IStringLocalizer<ReportsText> text)
    {
        yield return Heading(text["Figures"]);
        yield return Grid([TextWidth - 2000, 2000], [text["Figure"], text["Count"]],
            ReviewSections.Of(review).Select(s => (IReadOnlyList<string>)[text[s.LabelKey], s.Count.ToString(CultureInfo.InvariantCulture)]));
    }

    /// <summary>The page's charts as pictures, each captioned; none when nothing was counted.</summary>
    private static IEnumerable<OpenXmlElement> Charts(MainDocumentPart main, ReviewChartData.Charts charts, IStringLocalizer<ReportsText> text)
    {
        var images = ReviewChartImages.Render(charts, text["ByMonth"], text["ByKind"], text["ByLeader"]);
        if (images.Count == 0) yield break;
        yield return Heading(text["Charts"]);
        yield return Para(text["ChartsNote"], new Look(Italic: true, Size: Small, After: 120, KeepNext: true));
        uint id = 1;
        foreach (var image in images)
        {
            yield return Picture(main, image.Png, id++, image.Title, image.WidthPoints, image.HeightPoints);
            yield return Para(image.Title, new Look(Italic: true, Size: Small, Align: JustificationValues.Center, After: 240));
        }
    }

    private static IEnumerable<OpenXmlElement> Lists(AnnualReview review, IStringLocalizer<ReportsText> text)
    {
        foreach (var section in ReviewSections.Of(review))
        {
            yield return Heading($"{text[section.LabelKey]} ({section.Count})");
            if (section.Count == 0)
                yield return Para(text["NoRecords"], new Look(Italic: true));
            else if (section.Countries is { } countries)
                yield return Grid([1500, TextWidth - 1500], [text["Code"], text["Country"]],
                    countries.Select(c => (IReadOnlyList<string>)[c.Code, LocalizationSetup.IsVietnamese ? c.NameVi : c.NameEn]));
            else
                yield return Grid([1500, TextWidth - 5300, 2100, 1700], [text["Date"], text["Title"], text["Leader"], text["Countries"]],
                    section.Records!.Select(r => (IReadOnlyList<string>)[Formats.Date(r.DateStart), r.ShownTitle, r.Leader ?? "", ReviewCountryNames.Names(r.Countries)]));
        }
    }

    /// <summary>Left: "Nơi nhận:" and the recipients; right: the signer's title in capitals, room for the
    /// signature and a line for the name, which the signer fills in.</summary>
    private static IEnumerable<OpenXmlElement> SignatureBlock(IStringLocalizer<ReportsText> text)
    {
        yield return new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "0" }));
        var recipients = new Look(Size: Smallest);
        OpenXmlElement[] left =
        [
            Para(text["Recipients"], new Look(Bold: true, Italic: true, Size: Smaller)),
            Para(text["Recipient_Leaders"], recipients),
            Para(text["Recipient_Office"], recipients),
            Para(text["Recipient_Archive"], recipients),
        ];
        var centred = new Look(Align: JustificationValues.Center);
        OpenXmlElement[] right =
        [
            Para(text["SignerTitle"], centred with { Bold = true }),
            Para(text["SignHint"], centred with { Italic = true, Size = Small, After = 1440 }),
            Para(NameLine, centred with { Bold = true }),
        ];
        yield return Borderless([HalfPage, TextWidth - HalfPage], [[left, right]]);
    }

    /// <summary>Where the signer writes their name: dots, the same in both languages.</summary>
    private const string NameLine = "……………………………";
}
