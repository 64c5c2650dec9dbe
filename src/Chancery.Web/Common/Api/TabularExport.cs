using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Api;

public enum TabularFormat { Csv, Xlsx }

/// <summary>The one way an export answers: <c>format=csv</c> (the default) or <c>xlsx</c>, anything else
/// a 400 naming the parameter and the allowed values; the file named after the export and the day.</summary>
public static class TabularExport
{
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
