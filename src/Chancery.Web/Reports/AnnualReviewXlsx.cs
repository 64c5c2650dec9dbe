using Chancery.Web.Common.Localization;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Reports;

/// <summary>The review as a workbook (ClosedXML 0.95): a figures sheet, then one sheet per list.
/// Column widths are set by hand: AdjustToContents needs system fonts and crashes on Linux servers.</summary>
public static class AnnualReviewXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(AnnualReview review, IStringLocalizer<ReportsText> text, IStringLocalizer<Activities.ActivitiesText> activityWords)
    {
        using var workbook = new XLWorkbook();
        var sections = ReviewSections.Of(review);

        var figures = workbook.Worksheets.Add(SheetName(text["SheetFigures"]));
        figures.Cell(1, 1).Value = text["DocumentTitle"].Value;
        figures.Cell(1, 1).Style.Font.Bold = true;
        figures.Cell(2, 1).Value = text["Period", Formats.Date(review.From), Formats.Date(review.To)].Value;
        Header(figures, 4, text["Figure"], text["Count"]);
        var r = 5;
        foreach (var section in sections)
        {
            figures.Cell(r, 1).Value = text[section.LabelKey].Value;
            figures.Cell(r, 2).Value = section.Count;
            r++;
        }
        figures.Cell(r + 1, 1).Value = LocalizationSetup.IsVietnamese ? review.ParagraphVi : review.ParagraphEn;
        figures.Cell(r + 2, 1).Value = LocalizationSetup.IsVietnamese ? review.ParagraphEn : review.ParagraphVi;
        figures.Column(1).Width = 40;
        figures.Column(2).Width = 12;

        foreach (var section in sections)
        {
            var sheet = workbook.Worksheets.Add(SheetName(text[section.LabelKey]));
            if (section.Countries is { } countries)
            {
                Header(sheet, 1, text["Code"], text["Country"]);
                var row = 2;
                foreach (var c in countries)
                {
                    sheet.Cell(row, 1).SetValue(c.Code);
                    sheet.Cell(row, 2).SetValue(LocalizationSetup.IsVietnamese ? c.NameVi : c.NameEn);
                    row++;
                }
                sheet.Column(1).Width = 10;
                sheet.Column(2).Width = 36;
            }
            else
            {
                Header(sheet, 1, text["Date"], text["Kind"], text["Title"], text["Leader"], text["Countries"]);
                var row = 2;
                foreach (var record in section.Records!)
                {
                    sheet.Cell(row, 1).SetValue(record.DateStart.ToDateTime(TimeOnly.MinValue));
                    sheet.Cell(row, 1).Style.DateFormat.Format = LocalizationSetup.IsVietnamese ? "dd/mm/yyyy" : "d mmm yyyy";
                    sheet.Cell(row, 2).SetValue(activityWords["Kind_" + record.Kind].Value);
                    sheet.Cell(row, 3).SetValue(record.ShownTitle);
                    sheet.Cell(row, 4).SetValue(record.Leader ?? "");
                    sheet.Cell(row, 5).SetValue(ReviewCountryNames.Names(record.Countries));
                    row++;
                }
                sheet.Column(1).Width = 12;
                sheet.Column(2).Width = 22;
                sheet.Column(3).Width = 50;
                sheet.Column(4).Width = 24;
                sheet.Column(5).Width = 30;
            }
            sheet.SheetView.FreezeRows(1);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Header(IXLWorksheet sheet, int row, params string[] headers)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(row, c + 1).Value = headers[c];
            sheet.Cell(row, c + 1).Style.Font.Bold = true;
        }
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string label)
    {
        var clean = new string(label.Where(ch => ":\\/?*[]".IndexOf(ch) < 0).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
