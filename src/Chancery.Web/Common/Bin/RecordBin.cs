using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Bin;

/// <summary>The one way a record goes to the bin and comes back, for every module's writer: the mark
/// (who, when), the version check of a delete (a stale version is a conflict carrying the stored record)
/// and the save, whose audit entry the interceptor writes as Deleted or Restored.</summary>
public static class RecordBin
{
    /// <summary>Puts <paramref name="record"/> (found through the context's filters, so one the writer
    /// cannot see never reaches here) in the bin. <paramref name="shown"/> is the record as its pages show
    /// it, read before the delete: the answer of a delete. With <paramref name="version"/>, only if nobody
    /// changed the record since that version; else a conflict with the record as <paramref name="read"/>
    /// reads it now (not found when someone deleted it meanwhile).</summary>
    public static async Task<WriteOutcome<T>> DeleteAsync<T>(ChanceryDbContext db, ISoftDeletable record, int? version, T shown,
        TimeProvider clock, Func<CancellationToken, Task<T?>> read, CancellationToken ct) where T : class
    {
        if (version is { } v && record is IVersioned versioned) db.ExpectVersion(versioned, v);
        record.DeletedAt = clock.GetUtcNow().UtcDateTime;
        record.DeletedBy = db.CurrentUser.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WriteOutcome<T>.Conflict(await read(ct));
        }
        return WriteOutcome<T>.Saved(shown);
    }

    /// <summary>The records of a type that are in the bin, still under the classification filter: the
    /// bin shows an administrator only what their clearance allows.</summary>
    public static IQueryable<T> InBin<T>(this IQueryable<T> records) where T : class, ISoftDeletable =>
        records.IgnoreQueryFilters([ChanceryDbContext.DeletedFilter]).Where(r => r.DeletedAt != null);

    /// <summary>Every record of a type, in the bin or not, still under the classification filter (the
    /// audit page names deleted records too).</summary>
    public static IQueryable<T> WithBin<T>(this IQueryable<T> records) where T : class, ISoftDeletable =>
        records.IgnoreQueryFilters([ChanceryDbContext.DeletedFilter]);
}
