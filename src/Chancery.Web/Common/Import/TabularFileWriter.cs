using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Chancery.Web.Common.Import;

/// <summary>Writes rows in the interchange formats: CSV (UTF-8 with BOM, so Excel reads the
/// diacritics) or XLSX (the same columns on the first sheet).</summary>
public static class TabularFileWriter
{
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell ?? "");
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        Xlsx(new TabularSheet(sheetName, headers, rows));

    /// <summary>A workbook of several sheets, each a header row and text cells; the first is the one an import reads.</summary>
    public static byte[] Xlsx(params TabularSheet[] sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (sheetName, headers, rows) in sheets)
        {
            var sheet = workbook.Worksheets.Add(sheetName);
            for (var c = 0; c < headers.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = headers[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }
            var r = 2;
            foreach (var row in rows)
            {
                for (var c = 0; c < row.Count; c++)
                {
                    // Text cells throughout: dates and codes must round-trip exactly as typed.
                    sheet.Cell(r, c + 1).SetValue(row[c] ?? "");
                    sheet.Cell(r, c + 1).DataType = XLDataType.Text;
                }
                r++;
            }
            sheet.SheetView.FreezeRows(1);
            for (var c = 1; c <= headers.Count; c++) sheet.Column(c).Width = 18;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>One sheet of a workbook: its name (31 characters at most), header row and rows.</summary>
public sealed record TabularSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string?>> Rows);
