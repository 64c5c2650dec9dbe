using System.Linq.Expressions;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common.Api;

/// <summary>A list's order as the address and the API spell it: <c>sort=date</c> (ascending) or
/// <c>sort=-date</c> (descending). One parameter, so a bookmarked or shared address keeps the order.</summary>
public readonly record struct ListSort(string Field, bool Descending)
{
    public const string Parameter = "sort";

    public ListSort Reversed => this with { Descending = !Descending };

    public override string ToString() => Descending ? "-" + Field : Field;
}

/// <summary>The columns a list may be sorted by and its order when none is asked for. Pages fall back
/// to the default on an unknown value (an old bookmark still opens); the API refuses it with a 400
/// naming the parameter and the allowed values.</summary>
public class SortOptions(ListSort byDefault, params string[] fields)
{
    private readonly HashSet<string> _fields = new(fields, StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _ordered = [.. fields];

    public ListSort Default => byDefault;

    public IReadOnlyList<string> Fields => _ordered;

    protected void AddField(string field)
    {
        if (_fields.Add(field)) _ordered.Add(field);
    }

    public bool TryParse(string? value, out ListSort sort)
    {
        sort = byDefault;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var text = value.Trim();
        var descending = text.StartsWith('-');
        var field = descending ? text[1..] : text;
        if (!_fields.TryGetValue(field, out var known)) return false;
        sort = new ListSort(known, descending);
        return true;
    }

    /// <summary>The order a page shows: the asked one, or the default when it is unknown.</summary>
    public ListSort Parse(string? value) => TryParse(value, out var sort) ? sort : byDefault;

    /// <summary>For the API: an unknown value is a problem on <c>sort</c> listing every allowed value.</summary>
    public ListSort Check(string? value, Problems problems)
    {
        if (TryParse(value, out var sort)) return sort;
        problems.Add(ListSort.Parameter, ErrorCodes.OneOf, string.Join(", ", _ordered.SelectMany(f => new[] { f, "-" + f })));
        return byDefault;
    }
}

/// <summary>Sort options applied to a database query. Every order ends on the row's key, so rows that
/// tie on the column keep the same order from one page to the next.</summary>
public sealed class SortColumns<T>(ListSort byDefault, Expression<Func<T, int>> key) : SortOptions(byDefault)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _orders = new(StringComparer.OrdinalIgnoreCase);
    public SortColumns<T> Add<TKey>(string field, Expression<Func<T, TKey>> column)
    {
        _orders[field] = (query, descending) => descending ? query.OrderByDescending(column) : query.OrderBy(column);
        AddField(field);
        return this;
    }

    /// <summary>A column ordered by two keys (the second breaks the first's ties, in the same direction).</summary>
    public SortColumns<T> Add<TKey, TThen>(string field, Expression<Func<T, TKey>> column, Expression<Func<T, TThen>> then)
    {
        _orders[field] = (query, descending) => descending
            ? query.OrderByDescending(column).ThenByDescending(then)
            : query.OrderBy(column).ThenBy(then);
        AddField(field);
        return this;
    }

    /// <summary>An enum column in the enum's declared order (a workflow, a ranking), not in the
    /// alphabetical order of the names it is stored as.</summary>
    public SortColumns<T> AddInDeclaredOrder<TEnum, TThen>(string field, Expression<Func<T, TEnum>> column, Expression<Func<T, TThen>> then)
        where TEnum : struct, Enum
    {
        Expression rank = Expression.Constant(int.MaxValue);
        var values = Enum.GetValues<TEnum>();
        for (var i = values.Length - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(column.Body, Expression.Constant(values[i], typeof(TEnum))), Expression.Constant(i), rank);
        return Add(field, Expression.Lambda<Func<T, int>>(rank, column.Parameters), then);
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListSort sort)
    {
        var ordered = (_orders.TryGetValue(sort.Field, out var order) ? order : _orders[Default.Field])(query, sort.Descending);
        return sort.Descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
    }
}
