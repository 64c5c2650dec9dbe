using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chancery.Web.Common.Import;

/// <summary>Reads the first sheet of an XLSX workbook as a stream of rows (Open XML SDK's SAX reader):
/// memory follows one row and the shared strings, never the sheet's dimensions, so a cell written at
/// XFD1048576 costs what a cell at A2 costs. Limits (<see cref="ImportLimits"/>) are checked before
/// anything is built: the expanded size of the package from its directory, then the size of each part
/// as it is parsed (a directory that lies stops at the same bound).</summary>
internal static class XlsxSheetReader
{
    public static TabularFile? Read(ImportFile file, ImportProblems problems)
    {
        SpreadsheetDocument document;
        var stream = file.OpenRead();
        try
        {
            if (!PackageWithinLimits(stream))
            {
                stream.Dispose();
                problems.Add(1, null, ImportReasons.WorkbookTooLarge(ImportLimits.MaxExpandedBytes / (1024 * 1024)));
                return null;
            }
            stream.Position = 0;
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = ImportLimits.MaxExpandedBytes });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stream.Dispose();
            problems.Add(1, null, ImportReasons.NotXlsx());
            return null;
        }

        var source = new Source(document, stream);
        try
        {
            var sheet = FirstSheet(document);
            if (sheet is null) return Empty(source);
            var strings = SharedStrings(document, problems);
            if (strings is null) { source.Dispose(); return null; }
            var dates = DateStyles(document);
            var rows = RawRows(sheet, strings, dates).GetEnumerator();
            source.Rows = rows;

            if (!rows.MoveNext()) return Empty(source);
            var (headerLine, headerCells) = rows.Current;
            if (headerLine != 1 || headerCells.Count == 0) { problems.Add(1, null, ImportReasons.NoHeader()); source.Dispose(); return null; }
            var width = headerCells.Keys.Max() + 1;
            if (width > ImportLimits.MaxColumns)
            {
                problems.Add(1, null, ImportReasons.TooManyColumns(width, ImportLimits.MaxColumns));
                source.Dispose();
                return null;
            }
            var headers = Enumerable.Range(0, width).Select(c => headerCells.GetValueOrDefault(c, "").Trim()).ToArray();
            var columns = new TabularColumns(headers);

            var first = NextDataRow(rows, headers.Length, problems);
            if (first is null)
            {
                source.Dispose();
                if (headers.All(string.IsNullOrWhiteSpace)) return new TabularFile(headers, []);
                if (!problems.Any) problems.Add(2, null, ImportReasons.NoDataRows());
                return null;
            }
            return new TabularFile(headers, DataRows(rows, columns, headers.Length, first, problems), source);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or InvalidOperationException or FormatException)
        {
            source.Dispose();
            problems.Add(1, null, ImportReasons.NotXlsx());
            return null;
        }
    }

    private static TabularFile Empty(IDisposable source)
    {
        source.Dispose();
        return new TabularFile([], []);
    }

    /// <summary>The parts' sizes as the ZIP directory states them: their sum within the limit, and no
    /// large part compressed more than a hundredfold (a spreadsheet compresses tenfold; a "bomb" of one
    /// repeated character a thousandfold), the rule Apache POI applies to the same files.</summary>
    private static bool PackageWithinLimits(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > 1024 * 1024 && entry.Length > 100 * Math.Max(1, entry.CompressedLength)) return false;
        }
        return total <= ImportLimits.MaxExpandedBytes;
    }

    private static WorksheetPart? FirstSheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        return first?.Id?.Value is { } id ? workbook!.GetPartById(id) as WorksheetPart : null;
    }

    /// <summary>The shared strings, or null (with a problem) when one is longer than a cell may be.</summary>
    private static List<string>? SharedStrings(SpreadsheetDocument document, ImportProblems problems)
    {
        var list = new List<string>();
        var part = document.WorkbookPart?.SharedStringTablePart;
        if (part is null) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var text = ((SharedStringItem)reader.LoadCurrentElement()!).InnerText;
            if (text.Length > ImportLimits.MaxCellChars)
            {
                problems.Add(1, null, ImportReasons.CellTooLong(ImportLimits.MaxCellChars));
                return null;
            }
            list.Add(text);
        }
        return list;
    }

    /// <summary>The style indexes whose number format shows a date: dates typed into Excel are numbers
    /// with such a style, and the interchange format wants ISO text.</summary>
    private static HashSet<uint> DateStyles(SpreadsheetDocument document)
    {
        var styles = document.WorkbookPart?.WorkbookStylesPart?.Stylesheet;
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null) return result;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.TryGetValue(id, out var code) && LooksLikeDate(code)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        var outsideQuotes = string.Concat(code.Split('"').Where((_, i) => i % 2 == 0));
        return outsideQuotes.Contains('y', StringComparison.OrdinalIgnoreCase) || outsideQuotes.Contains('d', StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Each row that has a value: its line and its cells by column index (from 0).</summary>
    private static IEnumerable<(int Line, Dictionary<int, string> Cells)> RawRows(WorksheetPart sheet, List<string> strings, HashSet<uint> dates)
    {
        using var reader = OpenXmlReader.Create(sheet);
        var line = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            line = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) : line + 1;
            var cells = new Dictionary<int, string>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                var text = TextOf(cell, strings, dates);
                if (!string.IsNullOrEmpty(text)) cells[column] = text;
            }
            if (cells.Count > 0) yield return (line, cells);
        }
    }

    private static (int Line, string[] Cells)? NextDataRow(IEnumerator<(int Line, Dictionary<int, string> Cells)> rows, int width, ImportProblems problems)
    {
        while (rows.MoveNext())
        {
            var (line, cells) = rows.Current;
            var beyond = cells.Keys.Max() + 1;
            if (beyond > width)
            {
                problems.Add(line, null, ImportReasons.TooManyCells(beyond, width));
                continue;
            }
            if (cells.Values.Any(v => v.Length > ImportLimits.MaxCellChars))
            {
                problems.Add(line, null, ImportReasons.CellTooLong(ImportLimits.MaxCellChars));
                continue;
            }
            var values = new string[width];
            for (var c = 0; c < width; c++) values[c] = cells.GetValueOrDefault(c, "").Trim();
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            return (line, values);
        }
        return null;
    }

    private static IEnumerable<TabularRow> DataRows(IEnumerator<(int Line, Dictionary<int, string> Cells)> rows, TabularColumns columns, int width,
        (int Line, string[] Cells)? first, ImportProblems problems)
    {
        for (var row = first; row is { } r; row = NextDataRow(rows, width, problems))
            yield return new TabularRow(r.Line, columns, r.Cells);
    }

    private static string TextOf(Cell cell, List<string> strings, HashSet<uint> dates)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? "";
        if (raw is null) return "";
        if ((type is null || type == CellValues.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (cell.StyleIndex?.Value is { } style && dates.Contains(style) && number is >= 1 and < 2958466)
                return IsoDate.Format(DateOnly.FromDateTime(DateTime.FromOADate(number)));
            return number.ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>The column index (from 0) of a reference such as "XFD1048576".</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            column = column * 26 + (ch - 'A' + 1);
        }
        return column - 1;
    }

    /// <summary>Keeps the file, the package and the row reader open while rows are read.</summary>
    private sealed class Source(SpreadsheetDocument document, Stream stream) : IDisposable
    {
        public IDisposable? Rows { get; set; }

        public void Dispose()
        {
            Rows?.Dispose();
            document.Dispose();
            stream.Dispose();
        }
    }
}
