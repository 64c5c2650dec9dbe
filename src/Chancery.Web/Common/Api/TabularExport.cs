using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Api;

public enum TabularFormat { Csv, Xlsx }

/// <summary>The one way an export answers: <c>format=csv</c> (the default) or <c>xlsx</c>, anything else
/// a 400 naming the parameter and the allowed values; the file named after the export and the day.</summary>
public static class TabularExport
{
    /// <summary>The export's answer: a 400 for an unknown format (before anything is read), else the rows
    /// that <paramref name="read"/> gives, as a file named <paramref name="name"/>-YYYYMMDD.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> AnswerAsync(
        string? format, string name, ErrorWords words, TimeProvider clock,
        Func<Task<(IReadOnlyList<string> Headers, List<IReadOnlyList<string?>> Rows)>> read)
    {
        var problems = new Problems();
        if (Format(format, problems) is not { } kind) return WriteResults.Invalid(problems, words);
        var (headers, rows) = await read();
        return File(kind, name, headers, rows, clock);
    }

    public static TabularFormat? Format(string? format, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) return TabularFormat.Csv;
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)) return TabularFormat.Xlsx;
        problems.Add("format", ErrorCodes.OneOf, "csv, xlsx");
        return null;
    }

    public static FileContentHttpResult File(
        TabularFormat format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return format == TabularFormat.Xlsx
            ? TypedResults.File(TabularFileWriter.Xlsx(name, headers, rows), TabularFileWriter.XlsxContentType, $"{name}-{stamp}.xlsx")
            : TypedResults.File(TabularFileWriter.Csv(headers, rows), TabularFileWriter.CsvContentType, $"{name}-{stamp}.csv");
    }
}
