using System.Runtime.CompilerServices;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Audit;

/// <summary>Which entries of the trail to read: the record type and key, who made the change (a user's id),
/// the action (<c>created</c>, <c>updated</c>, <c>deleted</c>; any other word matches nothing) and the
/// sector's days from and to (inclusive, Asia/Ho_Chi_Minh).</summary>
public sealed record AuditFilter(string? EntityType, string? EntityKey, int? Page, int? PageSize,
    string? User = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One entry of the trail as the API and the audit page show it: codes, not enum numbers
/// (<c>created</c>, <c>secret</c>), and the time with its offset (UTC), so a client in Hanoi reads it
/// right. <see cref="Changes"/> is the stored JSON of the changed fields.</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset At, string? UserId, string? UserName, [property: CodeSet(typeof(AuditAction))] string Action, string EntityType, string EntityKey,
    string Changes, [property: CodeSet(typeof(ClassificationLevel))] string Classification);

/// <summary>Reads the audit trail (through the classification filter, like the records it describes).</summary>
public sealed class AuditQueries(ChanceryDbContext db, AuditReader reader)
{
    /// <summary>Entries named and worded per batch of this many when the whole filtered trail is read (an export).</summary>
    private const int ExportBatch = 500;

    public async Task<ListResult<AuditRecord>> ListAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = Filtered(filter);
        var paging = Paging.From(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new ListResult<AuditRecord>(entries.Select(ToRecord).ToList(), total);
    }

    /// <summary>One page of the filtered trail as the audit page shows it: records named, fields labelled.</summary>
    public async Task<ListResult<AuditLine>> LinesAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = Filtered(filter);
        var paging = Paging.From(filter.Page, filter.PageSize);
        // The page counts like the other long lists: exactly up to a bound, then "more than".
        var (total, exact) = await ListCount.CountAsync(query, paging, exact: false, ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new ListResult<AuditLine>(await reader.ReadAsync(entries, ct), total, exact);
    }

    /// <summary>Every entry the filter selects, newest first, read and named a batch at a time so an
    /// export of a long trail never holds it all.</summary>
    public async IAsyncEnumerable<AuditLine> AllLinesAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = Filtered(filter);
        long? before = null;
        while (true)
        {
            var batch = await (before is { } last ? query.Where(a => a.Id < last) : query)
                .OrderByDescending(a => a.Id).Take(ExportBatch).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            foreach (var line in await reader.ReadAsync(batch, ct)) yield return line;
            if (batch.Count < ExportBatch) yield break;
            before = batch[^1].Id;
        }
    }

    /// <summary>The record types found in the trail, for the page's filter.</summary>
    public Task<List<string>> EntityTypesAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// <summary>The users, for the page's filter, named (display name or email) as the module that manages
    /// them names them. Read from the users, not the trail: a handful of rows, where finding the distinct
    /// authors of half a million entries would cost every page view a full scan.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> UsersAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var names = await reader.UserNamesAsync(users.Select(u => u.Id).ToList(), ct);
        return users.Select(u => (u.Id, names.TryGetValue(u.Id, out var n) ? n.Name : u.Email ?? u.Id))
            .OrderBy(u => u.Item2, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(a => a.UserId == filter.User.Trim());
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            if (Codes<AuditAction>.TryParse(filter.Action, out var action)) query = query.Where(a => a.Action == action);
            else query = query.Where(a => false);
        }
        // The first two days of the calendar have no instant before them to compare with in UTC+7.
        if (filter.From is { } from && from > DateOnly.MinValue.AddDays(1))
        {
            var start = StartOf(from);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = StartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        return query;
    }

    /// <summary>The first instant (UTC, as the trail stores it) of a sector's day.</summary>
    private static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), SectorDay.Zone);

    private static AuditRecord ToRecord(AuditEntry e) => new(
        e.Id, new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.UserId, e.UserName, Codes<AuditAction>.ToCode(e.Action),
        e.EntityType, e.EntityKey, e.Changes, e.Classification.ToCode());
}
