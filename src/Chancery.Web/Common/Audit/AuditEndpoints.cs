using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Common.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("The audit trail, newest first; filter by entity type and key, user (id), action (code) and the sector's days from and to. Actions and levels are codes, times carry their offset.");
        api.MapGet("/audit/export", Export).AuditedExport("audit").WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("The filtered audit trail (same filters as the list) as a file people read (format=csv or xlsx, culture=vi or en): records named, fields labelled.");
        return api;
    }

    private static async Task<Ok<ListResult<AuditRecord>>> List([AsParameters] AuditFilter filter, AuditQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(filter, ct));

    /// <summary>Synchronous on purpose: the document's language set here stays set while the file is
    /// written, after the handler has returned (<see cref="TabularFileResult"/> reads the rows then).</summary>
    private static Results<TabularFileResult, ValidationProblem> Export(
        [AsParameters] AuditFilter filter, string? format, string? culture, AuditQueries queries,
        IStringLocalizer<SharedText> texts, ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        if (TabularExport.Format(format, problems) is not { } kind) return WriteResults.Invalid(problems, words);
        DocumentCulture.Apply(culture);
        var whole = filter with { Page = null, PageSize = null };
        return TabularExport.File(kind, "audit", clock, AuditExport.Headers(texts), AuditExport.RowsAsync(queries.AllLinesAsync(whole, ct), texts));
    }
}
