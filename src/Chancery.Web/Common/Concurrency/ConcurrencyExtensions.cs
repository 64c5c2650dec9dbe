using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Concurrency;

public static class ConcurrencyExtensions
{
    /// <summary>Declares the version the editor started from. If someone saved in between, the
    /// update matches no row and EF raises <see cref="DbUpdateConcurrencyException"/> (answered 409).</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
}
