using Chancery.Web.Data;

namespace Chancery.Web.Common.Audit;

/// <summary>The audit trail for rows stored by <see cref="BulkInsert"/> (which does not go through the
/// interceptors): one "Created" entry per record, made as the <see cref="AuditInterceptor"/> makes its
/// own (<see cref="AuditEntryFactory"/>: same properties, key text and level; the same JSON writer),
/// written in bulk in the caller's transaction so the records and their trail land together or not at all. Entries are made as the records are
/// enumerated and written straight away: none is held longer than it takes to write it. The user is
/// the context's own, as for the interceptor.</summary>
public sealed class BulkAudit(TimeProvider clock)
{
    /// <param name="count">How many records <paramref name="records"/> yields (checked: a caller that
    /// miscounts has lost track of what it stores).</param>
    /// <param name="extra">Values the record's entry should also show (e.g. an activity's countries,
    /// stored in child rows that get no entries of their own), written with <see cref="AuditChangesWriter.Created"/>.</param>
    public async Task RecordCreatedAsync<T>(ChanceryDbContext db, int count, IEnumerable<T> records,
        Action<T, AuditChangesWriter>? extra, CancellationToken ct) where T : class
    {
        if (count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entityType.GetProperties().Where(AuditEntryFactory.IsAudited)
            .Select(p => (p.Name, Getter: p.GetGetter())).ToArray();
        var keys = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToArray();
        var now = clock.GetUtcNow().UtcDateTime;

        IEnumerable<AuditEntry> Entries()
        {
            using var json = new AuditChangesWriter();
            var i = 0;
            foreach (var record in records)
            {
                json.Begin();
                foreach (var (name, getter) in properties) json.Created(name, getter.GetClrValue(record));
                extra?.Invoke(record, json);
                var entry = AuditEntryFactory.Create(db.CurrentUser, now, AuditAction.Created, typeof(T),
                    AuditEntryFactory.KeyText(keys.Select(k => k.GetClrValue(record))), json.End(), AuditEntryFactory.LevelOf(record));
                if (++i > count) throw new InvalidOperationException($"More {typeof(T).Name} records than the {count} announced.");
                yield return entry;
            }
        }
        // Nothing points at an audit entry: the database numbers them.
        var written = await BulkInsert.InsertAsync(db, Entries(), ct, keysFromDatabase: true, buildWhileWriting: true);
        if (written != count) throw new InvalidOperationException($"{written} {typeof(T).Name} records instead of the {count} announced.");
    }
}
