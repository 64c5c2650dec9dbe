using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Import;

/// <summary>Stores an upload between its preview and its confirmation, for any import page.</summary>
public sealed class PendingImports(ChanceryDbContext db, TimeProvider clock)
{
    public async Task<PendingImport> StoreAsync(string kind, ImportFile file, string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Uploads nobody confirmed are dropped here rather than by a background job: any instance may do it.
        var cutoff = now - PendingImport.Lifetime;
        await db.PendingImports.Where(p => p.CreatedUtc < cutoff).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = kind, FileName = file.FileName, Format = file.Format, Content = file.ReadAllBytes(),
            UserId = userId, CreatedUtc = now,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending;
    }

    /// <summary>The pending upload if it exists, is of this kind, is still fresh and belongs to this user.</summary>
    public async Task<PendingImport?> FindAsync(Guid id, string kind, string? userId, CancellationToken ct = default)
    {
        if (userId is null) return null;
        var cutoff = clock.GetUtcNow().UtcDateTime - PendingImport.Lifetime;
        return await db.PendingImports.SingleOrDefaultAsync(
            p => p.Id == id && p.Kind == kind && p.UserId == userId && p.CreatedUtc >= cutoff, ct);
    }

    public async Task RemoveAsync(PendingImport pending, CancellationToken ct = default)
    {
        db.PendingImports.Remove(pending);
        await db.SaveChangesAsync(ct);
    }
}
