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
