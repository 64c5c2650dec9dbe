using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Chancery.Web.Common.Import;

/// <summary>Reads CSV (UTF-8, BOM accepted, RFC 4180) and XLSX (first sheet, <see cref="XlsxSheetReader"/>) into the same
/// <see cref="TabularFile"/>, reporting an unreadable file as problems rather than exceptions.
/// CSV rows are parsed from the file's stream as they are enumerated (no decoded copy of the whole file).</summary>
public static class TabularFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TabularFile? Read(ImportFile file, ImportProblems problems)
    {
        if (file.Length == 0)
        {
            problems.Add(1, null, ImportReasons.EmptyFile());
            return null;
        }
        var table = file.Format == ImportFormat.Xlsx ? XlsxSheetReader.Read(file, problems) : ReadCsv(file, problems);
        if (table is null) return null;
        if (table.Headers.Count == 0 || table.Headers.All(string.IsNullOrWhiteSpace))
        {
            table.Dispose();
            problems.Add(1, null, ImportReasons.NoHeader());
            return null;
        }
        return table;
    }

    private static TabularFile? ReadCsv(ImportFile file, ImportProblems problems)
    {
        // Checked whole first (one pass over the bytes), so that decoding while parsing cannot fail half-way.
        if (LineOfInvalidByte(file) is { } line)
        {
            problems.Add(line, null, ImportReasons.NotUtf8(line));
            return null;
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
            // The same short values (kinds, dates, offices, names, countries) fill most cells: one string each.
            // The cache also keeps each distinct id and title (it grows with the file), but without it the
            // import makes so much more garbage that the process peaks higher (docs/benchmarks.md (c)).
            CacheFields = true,
        };
        var stream = file.OpenRead();
        if (!StartsWithBom(stream)) stream.Position = 0;
        var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 65536);
        var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read()) return Empty(csv);
            csv.ReadHeader();
            if ((csv.HeaderRecord ?? []).Length > ImportLimits.MaxColumns)
            {
                problems.Add(1, null, ImportReasons.TooManyColumns(csv.HeaderRecord!.Length, ImportLimits.MaxColumns));
                csv.Dispose();
                return null;
            }
            var headers = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
            var columns = new TabularColumns(headers);
            var first = NextRow(csv, headers, problems);
            if (first is null)
            {
                csv.Dispose();
                // No header outranks no rows (Read reports it).
                if (headers.All(string.IsNullOrWhiteSpace)) return new TabularFile(headers, []);
                problems.Add(2, null, ImportReasons.NoDataRows());
                return null;
            }
            return new TabularFile(headers, CsvRows(csv, headers, columns, first.Value, problems), csv);
        }
        catch (CsvHelperException ex)
        {
            csv.Dispose();
            problems.Add(ex.Context?.Parser?.RawRow ?? 1, null, NotCsv(ex));
            return null;
        }
    }

    private static TabularFile Empty(IDisposable source)
    {
        source.Dispose();
        return new TabularFile([], []);
    }

    /// <summary>The rest of the rows, from the first (already read to know the file has one).</summary>
    private static IEnumerable<TabularRow> CsvRows(CsvReader csv, string[] headers, TabularColumns columns,
        (int Line, string[] Cells) first, ImportProblems problems)
    {
        yield return new TabularRow(first.Line, columns, first.Cells);
        while (true)
        {
            (int Line, string[] Cells)? next;
            try { next = NextRow(csv, headers, problems); }
            catch (CsvHelperException ex)
            {
                problems.Add(ex.Context?.Parser?.RawRow ?? 1, null, NotCsv(ex));
                yield break;
            }
            if (next is not { } row) yield break;
            yield return new TabularRow(row.Line, columns, row.Cells);
        }
    }

    /// <summary>The next data row, skipping blank rows and reporting (and skipping) rows with too many cells.</summary>
    private static (int Line, string[] Cells)? NextRow(CsvReader csv, string[] headers, ImportProblems problems)
    {
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Length > headers.Length)
            {
                problems.Add(line, null, ImportReasons.TooManyCells(record.Length, headers.Length));
                continue;
            }
            if (record.Any(cell => cell.Length > ImportLimits.MaxCellChars))
            {
                problems.Add(line, null, ImportReasons.CellTooLong(ImportLimits.MaxCellChars));
                continue;
            }
            // The export guards formula-like cells with an apostrophe (FormulaGuard); a re-import takes it off.
            for (var c = 0; c < record.Length; c++) record[c] = FormulaGuard.Restore(record[c]);
            return (line, record);
        }
        return null;
    }

    private static ImportReason NotCsv(CsvHelperException ex) => ImportReasons.NotCsv(ex.Message.Split('\n')[0]);

    private static bool StartsWithBom(Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
    }

    /// <summary>The line of the first byte that is not UTF-8, or null when the whole file is UTF-8.</summary>
    private static int? LineOfInvalidByte(ImportFile file)
    {
        using var stream = file.OpenRead();
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[65536];
        // Decoded for the check only; GetChars (unlike GetCharCount) carries a character split between two reads over.
        var chars = new char[buffer.Length + 2];
        var line = 1;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            try { decoder.GetChars(buffer, 0, read, chars, 0, flush: false); }
            catch (DecoderFallbackException ex)
            {
                return line + buffer.AsSpan(0, Math.Clamp(ex.Index, 0, read)).Count((byte)'\n');
            }
            line += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
        catch (DecoderFallbackException) { return line; }
        return null;
    }
}
