using System.Reflection;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Chancery.Web.Common.Api;

public enum TabularFormat { Csv, Xlsx }

/// <summary>The one way an export answers: <c>format=csv</c> (the default) or <c>xlsx</c>, anything else
/// a 400 naming the parameter and the allowed values; the file named after the export and the day,
/// written as the rows are read (<see cref="TabularFileWriter"/>), so an export of any size holds a
/// bounded amount of memory.</summary>
public static class TabularExport
{
    public static TabularFormat? Format(string? format, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) return TabularFormat.Csv;
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)) return TabularFormat.Xlsx;
        problems.Add("format", ErrorCodes.OneOf, "csv, xlsx");
        return null;
    }

    /// <summary>The file <paramref name="name"/>-YYYYMMDD of <paramref name="rows"/>, read only while it is sent.</summary>
    public static TabularFileResult File(TabularFormat format, string name, TimeProvider clock,
        IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return new TabularFileResult(format, name, $"{name}-{stamp}.{(format == TabularFormat.Xlsx ? "xlsx" : "csv")}", headers, rows);
    }
}

/// <summary>An export's answer: the rows are enumerated while the response is written.</summary>
public sealed class TabularFileResult(TabularFormat format, string sheetName, string fileName,
    IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows) : IResult, IEndpointMetadataProvider
{
    public string FileName => fileName;

    /// <summary>Called once the file is written or the client has gone: the rows sent, and whether all were
    /// (the export's audit entry, <see cref="Audit.ExportAudit"/>).</summary>
    public Func<long, bool, Task>? Finished { get; set; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = format == TabularFormat.Xlsx ? TabularFileWriter.XlsxContentType : TabularFileWriter.CsvContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var ct = httpContext.RequestAborted;
        long sent = 0;
        var completed = false;
        try
        {
            var counted = Counted(rows, () => sent++);
            if (format == TabularFormat.Xlsx) await TabularFileWriter.WriteXlsxAsync(response.Body, sheetName, headers, counted, ct);
            else await TabularFileWriter.WriteCsvAsync(response.Body, headers, counted, ct);
            completed = true;
        }
        finally
        {
            if (Finished is { } finished) await finished(sent, completed);
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Counted(IAsyncEnumerable<IReadOnlyList<string?>> rows, Action count)
    {
        await foreach (var row in rows)
        {
            count();
            yield return row;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]),
            [TabularFileWriter.CsvContentType, TabularFileWriter.XlsxContentType]));
}
