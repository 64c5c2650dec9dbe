using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Writing;

/// <summary>The end of every write of one entity: the applied entity's lengths and characters are
/// checked against the model (<see cref="ModelLimits"/>); with any problem, found here or before,
/// nothing is saved and the tracked changes are dropped, else the save goes through
/// <see cref="VersionedSave"/>.</summary>
public static class CheckedSave
{
    public static async Task<WriteOutcome<T>> SaveAsync<T>(
        DbContext db, object entity, Problems problems, Func<CancellationToken, Task<T?>> read, WriteStatus success,
        CancellationToken ct)
        where T : class
    {
        ModelLimits.Check(db, entity, problems);
        if (!problems.Any) return await VersionedSave.SaveAsync(db, read, success, ct);
        db.ChangeTracker.Clear();
        return WriteOutcome<T>.Invalid(problems);
    }
}
