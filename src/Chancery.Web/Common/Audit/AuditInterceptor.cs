using System.Runtime.CompilerServices;
using System.Text.Json;
using Chancery.Web.Data;
using Chancery.Web.Common.Classification;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chancery.Web.Common.Audit;

/// <summary>The audit trail of every save through a DbContext (rows stored in bulk get theirs from
/// <see cref="BulkAudit"/>; both make their entries with <see cref="AuditEntryFactory"/>). Before a save
/// it captures every added, modified and deleted entry with its values; after the save (when generated keys are known) it
/// stores the audit entries in the same transaction, so a change and its audit land together or
/// not at all. One instance serves every DbContext (contexts are pooled, so the options and their
/// interceptors are built once): what a save is in the middle of lives in <see cref="SaveState"/>,
/// one per context, and the user is the context's own <see cref="ChanceryDbContext.CurrentUser"/>.</summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Enums as their names: "Kind": "Province" reads better in the trail than "Kind": 5.
    internal static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly ConditionalWeakTable<DbContext, SaveState> _states = new();

    private sealed class SaveState
    {
        public List<PendingAudit>? Pending;
        public IDbContextTransaction? OwnTransaction;
        public bool WritingAudit;

        /// <summary>Back to "no save under way". Every save ends here, however it ends: the context
        /// goes back to the pool and its next user must not inherit a finished transaction.</summary>
        public void Clear()
        {
            Pending = null;
            WritingAudit = false;
            OwnTransaction?.Dispose();
            OwnTransaction = null;
        }
    }

    private SaveState StateOf(DbContext context) => _states.GetValue(context, _ => new SaveState());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context, begin: ctx => ctx.Database.BeginTransaction());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context, begin: null) && eventData.Context!.Database.CurrentTransaction is null)
            StateOf(eventData.Context).OwnTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!Flush(eventData.Context)) return result;
        var state = StateOf(eventData.Context!);
        try
        {
            state.WritingAudit = true;
            eventData.Context!.SaveChanges();
            state.WritingAudit = false;
            state.OwnTransaction?.Commit();
        }
        finally { state.Clear(); }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!Flush(eventData.Context)) return result;
        var state = StateOf(eventData.Context!);
        try
        {
            state.WritingAudit = true;
            await eventData.Context!.SaveChangesAsync(cancellationToken);
            state.WritingAudit = false;
            if (state.OwnTransaction is not null) await state.OwnTransaction.CommitAsync(cancellationToken);
        }
        finally { state.Clear(); }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is null) return;
        var state = StateOf(eventData.Context);
        if (state.WritingAudit) return;
        state.OwnTransaction?.Rollback();
        state.Clear();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is null) return;
        var state = StateOf(eventData.Context);
        if (state.WritingAudit) return;
        if (state.OwnTransaction is not null) await state.OwnTransaction.RollbackAsync(cancellationToken);
        state.Clear();
    }

    private bool Capture(DbContext? context, Func<DbContext, IDbContextTransaction>? begin)
    {
        if (context is null) return false;
        var state = StateOf(context);
        if (state.WritingAudit) return false;
        // A save can end without this interceptor hearing of it: a stale-version conflict is reported
        // to ThrowingConcurrencyException, not SaveChangesFailed, and EF still rolls back to its
        // savepoint after that call, so the transaction cannot be closed there. Whatever such a save
        // left (its pending entries, its own transaction, rolled back by disposal) ends here, before
        // the next save on this context, which pooling may hand to another request.
        state.Clear();

        var tracked = context.ChangeTracker.Entries().ToList();
        var levels = new AuditLevels(context, tracked);
        var changed = tracked
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // Identity's user tokens are an authenticator's shared key and its recovery codes: secrets, never
            // written into the trail (enrolment and reset are audited as events of their own).
            .Where(e => e.Entity is not AuditEntry and not INotAudited and not DataProtectionKey and not Microsoft.AspNetCore.Identity.IdentityUserToken<string>)
            .ToList();
        levels.Preload(changed);
        var pending = changed
            .Select(e => new PendingAudit(e, ActionOf(e), CaptureChanges(e), levels.Of(e)))
            // An update that touched only unaudited fields (a security stamp, the search text) is not news.
            .Where(p => p.Action != AuditAction.Updated || p.Changes.Count > 0)
            .ToList();
        state.Pending = pending.Count == 0 ? null : pending;
        if (state.Pending is null) return false;
        if (begin is not null && context.Database.CurrentTransaction is null) state.OwnTransaction = begin(context);
        return true;
    }

    private bool Flush(DbContext? context)
    {
        if (context is null) return false;
        var state = StateOf(context);
        if (state.WritingAudit || state.Pending is null) return false;
        var user = (context as ChanceryDbContext)?.CurrentUser ?? SystemUser.Instance;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in state.Pending)
        {
            // Keys generated by the database are only known now, after the save.
            if (p.Action == AuditAction.Created)
                foreach (var key in p.Entry.Properties.Where(x => x.Metadata.IsPrimaryKey()))
                    p.Changes[key.Metadata.Name] = new ValueChange(null, key.CurrentValue);
            var keyValues = p.Entry.Properties.Where(x => x.Metadata.IsPrimaryKey()).Select(x => x.CurrentValue);
            context.Set<AuditEntry>().Add(AuditEntryFactory.Create(user, now, p.Action, p.Entry.Metadata.ClrType,
                AuditEntryFactory.KeyText(keyValues), AuditChangesWriter.ToJson(p.Changes), p.Classification));
        }
        state.Pending = null;
        return true;
    }

    private static Dictionary<string, ValueChange> CaptureChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, ValueChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!AuditEntryFactory.IsAudited(property.Metadata)) continue;
            switch (entry.State)
            {
                case EntityState.Added when !property.IsTemporary:
                    changes[name] = new ValueChange(null, property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[name] = new ValueChange(property.OriginalValue, null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new ValueChange(property.OriginalValue, property.CurrentValue);
                    break;
            }
        }
        return changes;
    }

    private static AuditAction ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => BinMove(entry) ?? AuditAction.Updated,
    };

    /// <summary>An update that puts a record in the bin or takes it out is a delete or a restore to the
    /// people reading the trail (<see cref="Bin.ISoftDeletable"/>: the row stays, its mark changes).</summary>
    private static AuditAction? BinMove(EntityEntry entry)
    {
        if (entry.Entity is not Bin.ISoftDeletable) return null;
        var mark = entry.Property(nameof(Bin.ISoftDeletable.DeletedAt));
        if (!mark.IsModified || Equals(mark.OriginalValue, mark.CurrentValue)) return null;
        return mark.CurrentValue is null ? AuditAction.Restored : AuditAction.Deleted;
    }

    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, Dictionary<string, ValueChange> Changes, ClassificationLevel Classification);

    internal sealed record ValueChange(object? Before, object? After);
}
