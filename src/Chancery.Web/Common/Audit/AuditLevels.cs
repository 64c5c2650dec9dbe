using Chancery.Web.Common.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Chancery.Web.Common.Audit;

/// <summary>The level an audit entry is filed at, for one save: a classified record's own level (the
/// higher of before and after); for a part with no level of its own, the level of every classified
/// record it belongs to, found from the model's foreign keys, followed through parents without a level of
/// their own (<see cref="DerivedClassification.Highest"/>). So a part with no level of its own (an
/// activity's leg, a commitment's delivery, a treaty action, a task's progress report and its files, a follow of a
/// person) is filed at its parent's level, and a module added later inherits it without a line of code.
/// The parent is looked up among the records the save tracks (it is loaded to be edited), else read
/// from the database without the filter; one that cannot be found files the entry at the top level
/// (it fails closed: shown to nobody below it rather than to everybody).</summary>
internal sealed class AuditLevels(DbContext context, IReadOnlyList<EntityEntry> tracked)
{
    private Dictionary<(IEntityType, IKey), Dictionary<string, ClassificationLevel>>? _tracked;
    private readonly Dictionary<(IEntityType, string), ClassificationLevel> _stored = [];

    public ClassificationLevel Of(EntityEntry entry)
    {
        var level = AuditEntryFactory.LevelOf(entry.Entity,
            entry.State == EntityState.Added || entry.Entity is not IClassified ? null
                : (ClassificationLevel)entry.Property(nameof(IClassified.Classification)).OriginalValue!);
        // A record classified in its own right is filed at its own level: what it refers to (an activity
        // held during a secret trip, an agreement signed at a secret visit) is another record, whose
        // number the audit page never shows to a reader who may not see it (AuditReader).
        if (entry.Entity is IClassified) return level;
        return DerivedClassification.Highest(level, Inherited(entry.Metadata,
            p => entry.State == EntityState.Deleted ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue, PartDepth));
    }

    /// <summary>How far a part's parts are followed: a progress report's file belongs to a report, which
    /// belongs to a (classified) task.</summary>
    private const int PartDepth = 3;

    private readonly Dictionary<(IEntityType, string), ClassificationLevel> _parts = [];

    /// <summary>The highest level of the classified records a row of <paramref name="type"/> belongs to,
    /// through its foreign keys, and through those of a parent that has no level of its own (a progress
    /// report's file is filed at its report's task's level, not as public because the report has none).</summary>
    private ClassificationLevel Inherited(IEntityType type, Func<IProperty, object?> valueOf, int depth)
    {
        var level = ClassificationLevel.Public;
        foreach (var fk in type.GetForeignKeys())
        {
            var values = fk.Properties.Select(valueOf).ToArray();
            if (values.Any(v => v is null)) continue;
            if (typeof(IClassified).IsAssignableFrom(fk.PrincipalEntityType.ClrType))
                level = DerivedClassification.Highest(level, ParentLevel(fk, values));
            else if (depth > 0 && fk.PrincipalEntityType != type)
                level = DerivedClassification.Highest(level, PartLevel(fk, values, depth - 1));
        }
        return level;
    }

    /// <summary>The level a parent without one of its own inherits: from the save's tracked rows, else
    /// read from the database without the filters; one that cannot be found fails closed.</summary>
    private ClassificationLevel PartLevel(IForeignKey fk, object?[] values, int depth)
    {
        var principal = fk.PrincipalEntityType;
        var key = KeyText(values);
        if (_parts.TryGetValue((principal, key), out var known)) return known;
        var row = tracked.FirstOrDefault(e => e.Metadata == principal && KeyText(fk.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue)) == key);
        ClassificationLevel level;
        if (row is not null) level = Inherited(principal, p => row.Property(p.Name).CurrentValue, depth);
        else if (fk.PrincipalKey.Properties.Count == 1 && StoredRow(principal.ClrType, fk.PrincipalKey.Properties[0].Name, values[0]!) is { } stored)
            level = Inherited(principal, p => p.PropertyInfo?.GetValue(stored) ?? p.FieldInfo?.GetValue(stored), depth);
        else level = ClassificationLevel.TopSecret;
        return _parts[(principal, key)] = level;
    }

    private object? StoredRow(Type type, string key, object value) =>
        typeof(AuditLevels).GetMethod(nameof(StoredRowOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [context, key, value]);

    private static object? StoredRowOf<T>(DbContext context, string key, object value) where T : class
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(T), "e");
        var property = System.Linq.Expressions.Expression.Property(row, key);
        var match = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(property, System.Linq.Expressions.Expression.Constant(value, property.Type)), row);
        return context.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(match).FirstOrDefault();
    }

    private ClassificationLevel ParentLevel(IForeignKey fk, object?[] values)
    {
        var key = KeyText(values);
        if (Tracked(fk).TryGetValue(key, out var tracked)) return tracked;
        // Read once per parent and save: a re-import updating a thousand activities of one leader asks once.
        if (!_stored.TryGetValue((fk.PrincipalEntityType, key), out var stored))
            _stored[(fk.PrincipalEntityType, key)] = stored = Stored(fk, values) ?? ClassificationLevel.TopSecret;
        return stored;
    }

    /// <summary>The tracked records of the principal type, by key (built once per save and type).</summary>
    private Dictionary<string, ClassificationLevel> Tracked(IForeignKey fk)
    {
        _tracked ??= [];
        var slot = (fk.PrincipalEntityType, fk.PrincipalKey);
        if (_tracked.TryGetValue(slot, out var found)) return found;
        found = [];
        foreach (var e in tracked.Where(e => e.Metadata == fk.PrincipalEntityType && e.Entity is IClassified))
        {
            var level = (ClassificationLevel)e.Property(nameof(IClassified.Classification)).CurrentValue!;
            if (e.State is not EntityState.Added)
                level = DerivedClassification.Highest(level, (ClassificationLevel)e.Property(nameof(IClassified.Classification)).OriginalValue!);
            found[KeyText(fk.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue))] = level;
        }
        _tracked[slot] = found;
        return found;
    }

    /// <summary>Reads the levels of every stored parent the given entries point at, one query per parent
    /// type (in chunks), before <see cref="Of"/> asks for them one by one: an import of 50,000 deliveries
    /// of 50,000 stored commitments would otherwise make 50,000 round trips in its save.</summary>
    public void Preload(IEnumerable<EntityEntry> entries)
    {
        var wanted = new Dictionary<IForeignKey, HashSet<object>>();
        foreach (var entry in entries)
        {
            if (entry.Entity is IClassified) continue;
            foreach (var fk in entry.Metadata.GetForeignKeys())
            {
                if (!typeof(IClassified).IsAssignableFrom(fk.PrincipalEntityType.ClrType) || fk.Properties.Count != 1) continue;
                var value = entry.State == EntityState.Deleted ? entry.Property(fk.Properties[0].Name).OriginalValue : entry.Property(fk.Properties[0].Name).CurrentValue;
                if (value is null) continue;
                var key = KeyText([value]);
                if (Tracked(fk).ContainsKey(key) || _stored.ContainsKey((fk.PrincipalEntityType, key))) continue;
                if (!wanted.TryGetValue(fk, out var set)) wanted[fk] = set = [];
                set.Add(value);
            }
        }
        foreach (var (fk, values) in wanted)
        {
            var keyProperty = fk.PrincipalKey.Properties[0];
            var method = typeof(AuditLevels).GetMethod(nameof(StoredMany), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(fk.PrincipalEntityType.ClrType, keyProperty.ClrType);
            foreach (var chunk in values.Chunk(10_000))
            {
                var found = (List<(object Key, ClassificationLevel Level)>)method.Invoke(null, [context, keyProperty.Name, chunk])!;
                foreach (var (key, level) in found) _stored[(fk.PrincipalEntityType, KeyText([key]))] = level;
            }
            // A parent that was not found is filed at the top level, as when asked one by one.
            foreach (var value in values) _stored.TryAdd((fk.PrincipalEntityType, KeyText([value])), ClassificationLevel.TopSecret);
        }
    }

    private static List<(object Key, ClassificationLevel Level)> StoredMany<T, TKey>(DbContext context, string key, object[] values)
        where T : class, IClassified
    {
        // One JSON/array parameter, whatever the count (SQLite allows 32,766 parameters).
        var ids = values.Cast<TKey>().ToList();
        return [.. context.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(e => EF.Parameter(ids).Contains(EF.Property<TKey>(e, key)))
            .Select(e => new { Key = EF.Property<TKey>(e, key), e.Classification }).AsEnumerable()
            .Select(e => ((object)e.Key!, e.Classification))];
    }

    private ClassificationLevel? Stored(IForeignKey fk, object?[] values)
    {
        if (fk.PrincipalKey.Properties.Count != 1) return null;
        var method = typeof(AuditLevels).GetMethod(nameof(StoredOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(fk.PrincipalEntityType.ClrType);
        return (ClassificationLevel?)method.Invoke(null, [context, fk.PrincipalKey.Properties[0].Name, values[0]]);
    }

    private static ClassificationLevel? StoredOf<T>(DbContext context, string key, object value) where T : class, IClassified
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(T), "e");
        var property = System.Linq.Expressions.Expression.Property(row, key);
        var match = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(property, System.Linq.Expressions.Expression.Constant(value, property.Type)), row);
        return context.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(match)
            .Select(e => (ClassificationLevel?)e.Classification).FirstOrDefault();
    }

    private static string KeyText(IEnumerable<object?> values) => AuditEntryFactory.KeyText(values);
}
