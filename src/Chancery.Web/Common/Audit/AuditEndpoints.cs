using Chancery.Web.Common.Api;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("The audit trail, newest first; filter by entity type and key. Actions and levels are codes, times carry their offset.");
        return api;
    }

    private static async Task<Ok<ListResult<AuditRecord>>> List([AsParameters] AuditFilter filter, AuditQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(filter, ct));
}
