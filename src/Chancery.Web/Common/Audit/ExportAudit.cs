using Chancery.Web.Common.Api;
using Chancery.Web.Data;

namespace Chancery.Web.Common.Audit;

/// <summary>Every file that takes records out of the system leaves an entry (<see cref="AuditAction.Exported"/>,
/// or <see cref="AuditAction.FeedRead"/> for a calendar feed): which list, which filters (the address's
/// query, as the reader chose them), the format, and for a table how many rows were sent and whether the
/// client took it all. An endpoint opts in with <see cref="AuditedExport"/>.
/// <para>The entry is filed at the exporter's clearance: the file may hold anything that reader may see,
/// so an administrator cleared lower does not learn, even from a row count, what it held.</para></summary>
public static class ExportAudit
{
    public static TBuilder AuditedExport<TBuilder>(this TBuilder builder, string list, AuditAction action = AuditAction.Exported)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            var inner = result;
            while (inner is INestedHttpResult nested) inner = nested.Result;
            if (inner is TabularFileResult table)
            {
                table.Finished = (rows, completed) => RecordAsync(http, list, action, rows, completed);
                return result;
            }
            // A refusal (400, 404) exported nothing.
            if (inner is null or IStatusCodeHttpResult { StatusCode: >= 400 }) return result;
            await RecordAsync(http, list, action, null, null);
            return result;
        });

    private static Task RecordAsync(HttpContext http, string list, AuditAction action, long? rows, bool? completed)
    {
        var db = http.RequestServices.GetRequiredService<ChanceryDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var query = http.Request.Query;
        var filters = string.Join("&", query.Where(q => q.Key is not ("format" or "culture"))
            .Select(q => $"{q.Key}={string.Join(",", q.Value.ToArray())}"));
        var format = query.TryGetValue("format", out var f) ? f.ToString()
            : Path.GetExtension(http.Request.Path.Value ?? "").TrimStart('.') is { Length: > 0 } ext ? ext : "csv";
        var details = new Dictionary<string, string?>
        {
            ["List"] = list,
            ["Format"] = format,
            ["Filters"] = filters.Length == 0 ? null : filters,
        };
        if (rows is not null) details["Rows"] = rows.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (completed is not null) details["Completed"] = completed.Value ? "true" : "false";
        var key = action == AuditAction.FeedRead ? db.CurrentUser.UserId ?? list : list;
        var type = action == AuditAction.FeedRead ? AuditEvents.UserType : AuditEvents.ExportType;
        // Not the request's token: a client that hung up still leaves its entry.
        return AuditEvents.RecordAsync(db, clock, action, type, key, details, db.CurrentUser.Clearance, CancellationToken.None);
    }
}
