using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Chancery.Web.Common.Import;

/// <summary>Reads CSV (UTF-8, BOM accepted, RFC 4180) and XLSX (first sheet) into the same
/// <see cref="TabularFile"/>, reporting an unreadable file as problems rather than exceptions.</summary>
public static class TabularFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TabularFile? Read(ImportFile file, ImportProblems problems)
    {
        if (file.Content.Length == 0)
        {
            problems.Add(1, null, "The file is empty: it needs a header row and at least one data row.");
            return null;
        }
        var table = file.Format == ImportFormat.Xlsx ? ReadXlsx(file.Content, problems) : ReadCsv(file.Content, problems);
        if (table is null) return null;
        if (table.Headers.Count == 0 || table.Headers.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(1, null, "The file has no header row.");
            return null;
        }
        if (table.Rows.Count == 0)
        {
            problems.Add(2, null, "The file has a header row but no data rows.");
            return null;
        }
        return table;
    }

    private static TabularFile? ReadCsv(byte[] content, ImportProblems problems)
    {
        string text;
        try
        {
            var offset = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            text = StrictUtf8.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + content.Take(Math.Max(0, ex.Index)).Count(b => b == (byte)'\n');
            problems.Add(line, null, $"The file is not UTF-8 text (invalid byte near line {line}). Save it as CSV UTF-8 and try again.");
            return null;
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        var rows = new List<TabularRow>();
        string[] headers;
        try
        {
            if (!csv.Read()) return new TabularFile([], []);
            csv.ReadHeader();
            headers = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (record.Length > headers.Length)
                {
                    problems.Add(line, null, $"The row has {record.Length} cells but the header has {headers.Length} columns.");
                    continue;
                }
                var cells = new Dictionary<string, string>(headers.Length, StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Length; i++)
                    if (!string.IsNullOrEmpty(headers[i])) cells[headers[i]] = i < record.Length ? record[i].Trim() : "";
                rows.Add(new TabularRow(line, cells));
            }
        }
        catch (CsvHelperException ex)
        {
            problems.Add(ex.Context?.Parser?.RawRow ?? 1, null, "The file is not valid CSV: " + ex.Message.Split('\n')[0]);
            return null;
        }
        return new TabularFile(headers, rows);
    }

    private static TabularFile? ReadXlsx(byte[] content, ImportProblems problems)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(1, null, "The file is not a readable XLSX workbook.");
            return null;
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            if (sheet is null) return new TabularFile([], []);
            var used = sheet.RangeUsed();
            if (used is null) return new TabularFile([], []);
            var lastColumn = used.LastColumn().ColumnNumber();
            var headers = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(1, c).GetString().Trim()).ToArray();
            var rows = new List<TabularRow>();
            var lastRow = used.LastRow().RowNumber();
            for (var r = 2; r <= lastRow; r++)
            {
                var cells = new Dictionary<string, string>(headers.Length, StringComparer.OrdinalIgnoreCase);
                for (var c = 1; c <= headers.Length; c++)
                    if (!string.IsNullOrEmpty(headers[c - 1])) cells[headers[c - 1]] = CellText(sheet.Cell(r, c));
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new TabularRow(r, cells));
            }
            return new TabularFile(headers, rows);
        }
    }

    /// <summary>Dates typed into Excel come back as dates; the interchange format wants ISO text.</summary>
    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => cell.GetString().Trim(),
    };
}
