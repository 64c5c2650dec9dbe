using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit").RequireAuthorization(Policies.Administer)
            .WithSummary("The audit trail, newest first; filter by entity type and key.");
        return api;
    }

    public sealed record AuditFilter(string? EntityType, string? EntityKey, int? Page, int? PageSize);

    public static async Task<ListResult<AuditEntry>> QueryAsync(ChanceryDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey);
        var paging = Paging.From(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new ListResult<AuditEntry>(items, total);
    }

    private static async Task<Ok<ListResult<AuditEntry>>> List([AsParameters] AuditFilter filter, ChanceryDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, filter, ct));
}
