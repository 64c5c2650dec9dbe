using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Chancery.Web.Common.Import;

/// <summary>Writes rows in the interchange formats as they arrive, holding a bounded amount of memory
/// however many rows there are: CSV (UTF-8 with BOM, so Excel reads the diacritics; formula cells
/// neutralised by <see cref="FormulaGuard"/>) or XLSX (<see cref="XlsxStreamWriter"/>).</summary>
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

    /// <summary>Sent to the destination each time this much CSV has gathered.</summary>
    private const int ChunkBytes = 64 * 1024;
    private const int RowsBetweenFlushes = 32;

    /// <summary>CSV is encoded into a small buffer that is sent asynchronously whenever it fills:
    /// CsvHelper writes synchronously, and a response body refuses synchronous writes.</summary>
    public static async Task WriteCsvAsync(Stream destination, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        using var chunk = new MemoryStream(ChunkBytes * 2);
        await using var text = new StreamWriter(chunk, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in headers) csv.WriteField(header);
        await csv.NextRecordAsync();
        var sinceFlush = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in row) csv.WriteField(FormulaGuard.Neutralise(cell ?? ""));
            await csv.NextRecordAsync();
            if (++sinceFlush < RowsBetweenFlushes) continue;
            sinceFlush = 0;
            await csv.FlushAsync();
            if (chunk.Length >= ChunkBytes) await SendAsync(chunk, destination, ct);
        }
        await csv.FlushAsync();
        await SendAsync(chunk, destination, ct);
    }

    private static async Task SendAsync(MemoryStream chunk, Stream destination, CancellationToken ct)
    {
        if (chunk.Length == 0) return;
        await destination.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), ct);
        await destination.FlushAsync(ct);
        chunk.SetLength(0);
    }

    /// <summary>XLSX is a zip, written to a temporary file (deleted when closed) and then sent: the zip
    /// writer writes synchronously, and the file holds the rows instead of the memory.</summary>
    public static async Task WriteXlsxAsync(Stream destination, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chancery-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            await XlsxStreamWriter.WriteAsync(zip, sheetName, headers, rows, ct);
        }
        file.Position = 0;
        await file.CopyToAsync(destination, ct);
    }
}

/// <summary>One sheet of a workbook: its name (31 characters at most), header row and rows.</summary>
public sealed record TabularSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string?>> Rows);
