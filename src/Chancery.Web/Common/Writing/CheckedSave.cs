using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Writing;

/// <summary>An entity whose limits a write checks, with the prefix its fields carry in the input
/// (<c>legs[0].</c> for a leg of an activity; none for the record itself).</summary>
public readonly record struct Limited(object Entity, string Prefix = "");

/// <summary>The end of every write: the applied entities' lengths and characters are checked against
/// the model (<see cref="ModelLimits"/>); with any problem, found here or before, nothing is saved and
/// the tracked changes are dropped (the pooled context keeps nothing half-applied), else the save goes
/// through <see cref="VersionedSave"/>.</summary>
public static class CheckedSave
{
    public static Task<WriteOutcome<T>> SaveAsync<T>(
        DbContext db, object entity, Problems problems, Func<CancellationToken, Task<T?>> read, WriteStatus success,
        CancellationToken ct)
        where T : class, Concurrency.IVersionedRecord => SaveAsync(db, [new Limited(entity)], problems, read, success, ct);

    public static async Task<WriteOutcome<T>> SaveAsync<T>(
        DbContext db, IEnumerable<Limited> entities, Problems problems, Func<CancellationToken, Task<T?>> read, WriteStatus success,
        CancellationToken ct)
        where T : class, Concurrency.IVersionedRecord
    {
        foreach (var (entity, prefix) in entities)
            ModelLimits.Check(db, entity, problems, name => prefix + ModelLimits.CamelCase(name));
        if (!problems.Any) return await VersionedSave.SaveAsync(db, read, success, ct);
        db.ChangeTracker.Clear();
        return WriteOutcome<T>.Invalid(problems);
    }
}
