using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Writing;

/// <summary>The one place where a write meets a lost race. Every write service saves through here:
/// a version that changed since the editor read it (or a row deleted meanwhile) becomes a
/// <see cref="WriteStatus.Conflict"/> carrying the stored record, never a silent overwrite.</summary>
public static class VersionedSave
{
    public static async Task<WriteOutcome<T>> SaveAsync<T>(
        DbContext db, Func<CancellationToken, Task<T?>> read, WriteStatus success, CancellationToken ct)
        where T : class, Concurrency.IVersionedRecord
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The tracked entities hold the refused values: forget them before reading the stored ones.
            db.ChangeTracker.Clear();
            return WriteOutcome<T>.Conflict(await read(ct));
        }
        var saved = await read(ct);
        return saved is null ? WriteOutcome<T>.NotFound() : new WriteOutcome<T>(success, saved);
    }
}
