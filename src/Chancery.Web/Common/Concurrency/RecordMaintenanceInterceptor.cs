using Chancery.Web.Common.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chancery.Web.Common.Concurrency;

/// <summary>Keeps two derived columns right on every save: bumps <see cref="IVersioned.Version"/> on
/// update (the concurrency token) and refreshes <see cref="ISearchable.SearchText"/> (<see cref="SearchTexts.Refresh"/>,
/// as bulk imports do for the rows they store; those are new, so they keep version 0 as here). Runs before
/// the audit interceptor so the audit sees the final values.</summary>
public sealed class RecordMaintenanceInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Maintain(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Maintain(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static bool OnlyBinMark(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry is { State: EntityState.Modified, Entity: Bin.ISoftDeletable }
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(Bin.ISoftDeletable.DeletedAt) or nameof(Bin.ISoftDeletable.DeletedBy));

    private static void Maintain(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            // A move to or from the bin changes nothing a search reads; the record's related rows (an
            // activity's leader, its legs) need not be loaded for it, so its text is left as it is.
            if (entry.Entity is ISearchable searchable && !OnlyBinMark(entry)) SearchTexts.Refresh(searchable);
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                var original = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                versioned.Version = original + 1;
            }
        }
    }
}
