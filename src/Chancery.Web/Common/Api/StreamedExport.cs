using System.Globalization;
using System.Text;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Api;

/// <summary>An export whose rows are read while the file is written: CSV goes to the response as the rows
/// come (nothing is held but the current batch), XLSX is built in memory first (the workbook format has to
/// be complete before it is sent). Every CSV cell goes through <see cref="SpreadsheetSafe"/>; XLSX cells
/// are text cells, which a spreadsheet never evaluates.</summary>
public static class StreamedExport
{
    /// <summary>A 400 for an unknown <paramref name="format"/> (before anything is read), else the file.</summary>
    /// <param name="write">Called once the file is being written: sets the document's language and
    /// gives the headers and the rows (read there, so they are read in that language).</param>
    public static async Task<Results<PushStreamHttpResult, FileContentHttpResult, ValidationProblem>> AnswerAsync(
        string? format, string name, ErrorWords words, TimeProvider clock,
        Func<(IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<string?>> Rows)> write)
    {
        var problems = new Problems();
        if (TabularExport.Format(format, problems) is not { } kind) return WriteResults.Invalid(problems, words);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (kind == TabularFormat.Xlsx)
        {
            var (headers, rows) = write();
            var all = new List<IReadOnlyList<string?>>();
            await foreach (var row in rows) all.Add(row);
            return TypedResults.File(TabularFileWriter.Xlsx(name, headers, all), TabularFileWriter.XlsxContentType, $"{name}-{stamp}.xlsx");
        }
        return TypedResults.Stream(async body =>
        {
            var (headers, rows) = write();
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var header in headers) csv.WriteField(SpreadsheetSafe.Cell(header));
            await csv.NextRecordAsync();
            await foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(SpreadsheetSafe.Cell(cell));
                await csv.NextRecordAsync();
            }
        }, TabularFileWriter.CsvContentType, $"{name}-{stamp}.csv");
    }
}
