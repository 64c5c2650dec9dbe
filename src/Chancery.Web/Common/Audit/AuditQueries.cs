using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Audit;

public sealed record AuditFilter(string? EntityType, string? EntityKey, int? Page, int? PageSize);

/// <summary>One entry of the trail as the API and the audit page show it: codes, not enum numbers
/// (<c>created</c>, <c>secret</c>), and the time with its offset (UTC), so a client in Hanoi reads it
/// right. <see cref="Changes"/> is the stored JSON of the changed fields.</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset At, string? UserId, string? UserName, string Action, string EntityType, string EntityKey,
    string Changes, string Classification);

/// <summary>Reads the audit trail (through the classification filter, like the records it describes).</summary>
public sealed class AuditQueries(ChanceryDbContext db)
{
    public async Task<ListResult<AuditRecord>> ListAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        var paging = Paging.From(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new ListResult<AuditRecord>(entries.Select(ToRecord).ToList(), total);
    }

    /// <summary>The record types found in the trail, for the page's filter.</summary>
    public Task<List<string>> EntityTypesAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    private static AuditRecord ToRecord(AuditEntry e) => new(
        e.Id, new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.UserId, e.UserName, Codes<AuditAction>.ToCode(e.Action),
        e.EntityType, e.EntityKey, e.Changes, e.Classification.ToCode());
}
