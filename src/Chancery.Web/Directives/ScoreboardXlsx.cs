using Chancery.Web.Common.Localization;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives;

/// <summary>The scoreboard as a workbook: one row per lead unit and the total, numbers as numbers (a
/// reader sums and sorts them in Excel). Widths by hand: AdjustToContents needs system fonts.</summary>
public static class ScoreboardXlsx
{
    public static byte[] Write(TaskScoreboard board, IStringLocalizer<DirectivesText> text)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(text["ScoreboardSheet"].Value);
        sheet.Cell(1, 1).Value = text["Scoreboard"].Value;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = text["ScoreboardPeriod", Formats.Date(board.From), Formats.Date(board.To), Formats.Date(board.AsOf)].Value;
        string[] headers = ["Unit", "UnitName", "Tasks", "DoneOnTime", "DoneLate", "InProgress", "Overdue", "Standing", "OnTimeRate", "KeyTasks", "KeyOnTime"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(4, c + 1).Value = text["Col_" + headers[c]].Value;
            sheet.Cell(4, c + 1).Style.Font.Bold = true;
        }
        var r = 5;
        foreach (var u in board.Units)
            Row(sheet, r++, u.Unit, u.UnitName, new TaskScore(u.Tasks, u.DoneOnTime, u.DoneLate, u.InProgress, u.Overdue, u.Standing, u.OnTimeRate, u.KeyTasks));
        Row(sheet, r, "", text["Total"].Value, board.Total);
        sheet.Row(r).Style.Font.Bold = true;
        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 48;
        for (var c = 3; c <= headers.Length; c++) sheet.Column(c).Width = 13;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Row(IXLWorksheet sheet, int r, string code, string name, TaskScore s)
    {
        sheet.Cell(r, 1).Value = code;
        sheet.Cell(r, 2).Value = name;
        int[] counts = [s.Tasks, s.DoneOnTime, s.DoneLate, s.InProgress, s.Overdue, s.Standing];
        for (var i = 0; i < counts.Length; i++) sheet.Cell(r, 3 + i).Value = counts[i];
        if (s.OnTimeRate is { } rate)
        {
            sheet.Cell(r, 9).Value = rate;
            sheet.Cell(r, 9).Style.NumberFormat.Format = "0.0%";
        }
        sheet.Cell(r, 10).Value = s.KeyTasks?.Tasks ?? 0;
        sheet.Cell(r, 11).Value = s.KeyTasks?.DoneOnTime ?? 0;
    }
}
