using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments.Realisation;

/// <summary>The realisation report as a workbook: the groups with their figures (and the total), then
/// every commitment behind them with its rate and converted figures, then the counts and the
/// unconverted commitments. Numbers are number cells; text goes through <see cref="FormulaGuard"/>.</summary>
public static class RealisationXlsx
{
    public static byte[] Write(RealisationQuery.Result result, RealisationGrouping by, IStringLocalizer<CommitmentsText> text)
    {
        using var workbook = new XLWorkbook();
        var groups = workbook.Worksheets.Add(Sheet(text["SheetGroups"]));
        Row(groups, 1, text["By_" + Codes<RealisationGrouping>.ToCode(by)], text["CommitmentsCount"], text["PledgedUsd"], text["RealisedUsd"],
            text["OverDeliveredUsd"], text["Share"]);
        var r = 2;
        foreach (var g in result.Report.Groups) Figures(groups, r++, g.Key ?? text["NoKey"], g.Figures);
        Figures(groups, r, text["Total"], result.Report.Total);
        groups.Row(r).Style.Font.Bold = true;
        Widths(groups, 24, 14, 20, 20, 20, 10);

        var records = workbook.Worksheets.Add(Sheet(text["SheetRecords"]));
        Row(records, 1, text["Reference"], text["Title"], text["Partner"], text["Sector"], text["PledgedDate"], text["Status"], text["Amount"],
            text["Unit"], text["Delivered"], text["Rate"], text["PledgedUsd"], text["RealisedUsd"], text["OverDeliveredUsd"]);
        r = 2;
        foreach (var l in result.Lines.OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Commitment.PledgedDate))
        {
            var c = l.Commitment;
            Row(records, r, c.Ref, c.Title, c.PartnerCode, text["Sector_" + Codes<CommitmentSector>.ToCode(c.Sector)],
                c.PledgedDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                text["Status_" + Codes<CommitmentStatus>.ToCode(c.Status)]);
            Number(records, r, 7, c.Amount);
            records.Cell(r, 8).SetValue(c.Unit ?? "");
            Number(records, r, 9, c.Amount is null ? null : c.Delivered);
            Number(records, r, 10, l.Rate);
            Number(records, r, 11, l.PledgedUsd);
            Number(records, r, 12, l.RealisedUsd);
            Number(records, r, 13, l.OverDeliveredUsd);
            r++;
        }
        Widths(records, 16, 50, 10, 18, 12, 16, 18, 10, 18, 12, 20, 20, 20);

        var counts = workbook.Worksheets.Add(Sheet(text["SheetCounts"]));
        Row(counts, 1, text["Unit"], text["Pledged"], text["Delivered"]);
        r = 2;
        foreach (var c in result.Report.Total.Counts)
        {
            counts.Cell(r, 1).SetValue(text["Count_" + c.Unit].Value);
            Number(counts, r, 2, c.Pledged);
            Number(counts, r, 3, c.Delivered);
            r++;
        }
        Widths(counts, 20, 16, 16);

        var unconverted = workbook.Worksheets.Add(Sheet(text["SheetUnconverted"]));
        Row(unconverted, 1, text["Reference"], text["Unit"], text["Year"]);
        r = 2;
        foreach (var u in result.Report.Unconverted)
        {
            Row(unconverted, r, u.Ref, u.Unit);
            unconverted.Cell(r, 3).SetValue(u.Year);
            r++;
        }
        Widths(unconverted, 16, 10, 10);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Figures(IXLWorksheet sheet, int row, string label, RealisationFigures f)
    {
        sheet.Cell(row, 1).SetValue(FormulaGuard.Neutralise(label));
        sheet.Cell(row, 2).SetValue(f.Commitments);
        Number(sheet, row, 3, f.PledgedUsd);
        Number(sheet, row, 4, f.RealisedUsd);
        Number(sheet, row, 5, f.OverDeliveredUsd);
        Number(sheet, row, 6, f.Share);
        sheet.Cell(row, 6).Style.NumberFormat.Format = "0.00%";
    }

    private static void Row(IXLWorksheet sheet, int row, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(FormulaGuard.Neutralise(values[i]));
            sheet.Cell(row, i + 1).DataType = XLDataType.Text;
            if (row == 1) sheet.Cell(row, i + 1).Style.Font.Bold = true;
        }
    }

    private static void Number(IXLWorksheet sheet, int row, int column, decimal? value)
    {
        if (value is not { } v) return;
        sheet.Cell(row, column).SetValue(v);
        sheet.Cell(row, column).Style.NumberFormat.Format = "#,##0.00";
    }

    // Column widths by hand: AdjustToContents needs system fonts and fails on Linux servers.
    private static void Widths(IXLWorksheet sheet, params int[] widths)
    {
        for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
    }

    private static string Sheet(string name) => name.Length > 31 ? name[..31] : name;
}
