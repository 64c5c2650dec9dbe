using Chancery.Web.Common.Classification;
using Chancery.Web.Data;

namespace Chancery.Web.Common.Audit;

/// <summary>The audit trail for rows stored by <see cref="BulkInsert"/> (which bypasses the
/// interceptor): one "Created" entry per record, in the same shape the <see cref="AuditInterceptor"/>
/// writes (same ignored properties, same JSON), written in bulk in the caller's transaction so the
/// records and their trail land together or not at all.</summary>
public sealed class BulkAudit(ICurrentUser currentUser, TimeProvider clock)
{
    /// <param name="extra">Values the record's entry should also show (e.g. an activity's countries,
    /// stored in child rows that get no entries of their own).</param>
    public async Task RecordCreatedAsync<T>(ChanceryDbContext db, IReadOnlyCollection<T> records,
        Func<T, IReadOnlyDictionary<string, object?>>? extra, CancellationToken ct) where T : class
    {
        if (records.Count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entityType.GetProperties().Where(AuditInterceptor.IsAudited)
            .Select(p => (p.Name, Getter: p.GetGetter())).ToList();
        var keys = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var changes = new Dictionary<string, AuditInterceptor.ValueChange>(properties.Count + 2, StringComparer.Ordinal);
            foreach (var (name, getter) in properties) changes[name] = new(null, getter.GetClrValue(record));
            if (extra is not null)
                foreach (var (name, value) in extra(record)) changes[name] = new(null, value);
            entries.Add(AuditInterceptor.NewEntry(currentUser, now, AuditAction.Created, typeof(T), keys.Select(k => k.GetClrValue(record)), changes,
                record is IClassified classified ? classified.Classification : ClassificationLevel.Public));
        }
        var ids = await BulkInsert.ReserveIdsAsync<AuditEntry>(db, entries.Count, ct);
        for (var i = 0; i < entries.Count; i++) entries[i].Id = ids[i];
        await BulkInsert.InsertAsync(db, entries, ct);
    }
}
