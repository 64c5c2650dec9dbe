using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Chancery.Web.Common.Ui;

/// <summary>Links of a list page built from its own address, so the filters, the order and the page
/// travel in the query string: a bookmarked or shared address opens the same list.</summary>
public static class ListAddress
{
    /// <summary>Query parameters that say where in the list the reader is, not what the list holds.</summary>
    private static readonly HashSet<string> PlaceOnly = new(StringComparer.OrdinalIgnoreCase) { "page", "pageSize", "exactTotal", "culture", "done" };

    /// <summary>This page's address with some parameters changed (null removes one), root-relative.</summary>
    public static string With(this NavigationManager navigation, IReadOnlyDictionary<string, object?> changes) =>
        "/" + navigation.ToBaseRelativePath(navigation.GetUriWithQueryParameters(changes));

    public static string With(this NavigationManager navigation, string name, object? value) =>
        navigation.With(new Dictionary<string, object?> { [name] = value });

    /// <summary>The list's filters and order (not its page, nor empty fields of the filter form) on
    /// <paramref name="path"/>, plus <paramref name="extra"/>: an export of exactly what the list shows.</summary>
    public static string FiltersOn(this NavigationManager navigation, string path, params (string Name, string Value)[] extra)
    {
        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        var kept = query.Where(p => !PlaceOnly.Contains(p.Key))
            .SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Concat(extra.Select(e => new KeyValuePair<string, string?>(e.Name, e.Value)));
        return QueryHelpers.AddQueryString(path, kept);
    }
}
