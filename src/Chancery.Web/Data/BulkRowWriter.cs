using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chancery.Web.Data;

/// <summary>Where <see cref="BulkRowWriter{TEntity, TSink}"/> sends a row's values, one column after
/// the other. Generic so a value reaches the provider with its own type, never boxed: a 100,000-row
/// import writes millions of values, and boxing each (as the first bulk path did) cost seconds.</summary>
internal interface IBulkSink
{
    void Write<TValue>(TValue value);
    void WriteNull();
}

/// <summary>One compiled method per entity type and sink that writes every mapped column of an entity,
/// in the model's property order: the property read, the EF value converter (enums as text …) inlined,
/// nulls checked, and a typed call to the sink. Built from the EF model so the stored values are the
/// ones SaveChanges would store; compiled once per entity type of a model.</summary>
internal static class BulkRowWriter<TEntity, TSink> where TEntity : class where TSink : class, IBulkSink
{
    private static readonly ConcurrentDictionary<(IEntityType, bool), Action<TEntity, TSink>> Compiled = new();

    /// <param name="keysFromDatabase">Leave out the generated key (see <see cref="BulkColumns.Of"/>).</param>
    public static Action<TEntity, TSink> For(IEntityType entityType, bool keysFromDatabase) =>
        Compiled.GetOrAdd((entityType, keysFromDatabase), Compile);

    private static Action<TEntity, TSink> Compile((IEntityType EntityType, bool KeysFromDatabase) of)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var sink = Expression.Parameter(typeof(TSink), "sink");
        var writes = BulkColumns.Of(of.EntityType, of.KeysFromDatabase).Select(c => WriteValue(Read(entity, c.Property), c.Converter, sink)).ToList();
        return Expression.Lambda<Action<TEntity, TSink>>(Expression.Block(writes), entity, sink).Compile();
    }

    private static Expression Read(ParameterExpression entity, IProperty property) => property switch
    {
        { PropertyInfo: { } info } => Expression.Property(entity, info),
        { FieldInfo: { } field } => Expression.Field(entity, field),
        _ => throw new NotSupportedException($"Bulk insert cannot read the shadow property {property.DeclaringType.DisplayName()}.{property.Name}."),
    };

    /// <summary>Null (or an empty Nullable) → WriteNull; otherwise the converted value → Write.</summary>
    private static Expression WriteValue(Expression value, ValueConverter? converter, ParameterExpression sink)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        if (underlying is null && value.Type.IsValueType) return WriteNonNull(value, converter, sink);
        var held = Expression.Variable(value.Type, "value");
        var hasValue = underlying is null
            ? (Expression)Expression.NotEqual(held, Expression.Constant(null, value.Type))
            : Expression.Property(held, nameof(Nullable<int>.HasValue));
        var inner = underlying is null ? (Expression)held : Expression.Property(held, nameof(Nullable<int>.Value));
        return Expression.Block([held],
            Expression.Assign(held, value),
            Expression.IfThenElse(hasValue, WriteNonNull(inner, converter, sink), Expression.Call(sink, nameof(IBulkSink.WriteNull), null)));
    }

    private static Expression WriteNonNull(Expression value, ValueConverter? converter, ParameterExpression sink)
    {
        if (converter is null) return Expression.Call(sink, nameof(IBulkSink.Write), [value.Type], value);
        var convert = converter.ConvertToProviderExpression;
        var input = convert.Parameters[0].Type == value.Type ? value : Expression.Convert(value, convert.Parameters[0].Type);
        // The converted value may be null or Nullable again: the same checks, without a converter.
        return WriteValue(Expression.Invoke(convert, input), null, sink);
    }
}

/// <summary>The mapped columns of an entity type, in the order the bulk writers use.</summary>
internal static class BulkColumns
{
    public sealed record Column(IProperty Property, string Name, string StoreType, ValueConverter? Converter);

    /// <param name="keysFromDatabase">Leave out a key the database generates (identity, AUTOINCREMENT), for
    /// rows nothing else points at (audit entries, legs): no keys to reserve, the database numbers them.</param>
    public static IReadOnlyList<Column> Of(IEntityType entityType, bool keysFromDatabase)
    {
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return entityType.GetProperties()
            .Where(p => !(keysFromDatabase && p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping()))
            .Select(x => new Column(x.Property, x.Property.GetColumnName(store)!, x.Mapping.StoreType,
                x.Property.GetValueConverter() ?? x.Mapping.Converter))
            .ToList();
    }
}
