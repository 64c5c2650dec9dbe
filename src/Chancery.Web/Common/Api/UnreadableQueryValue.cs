using System.Text.RegularExpressions;

namespace Chancery.Web.Common.Api;

/// <summary>Recognises the failure of a page's <c>[SupplyParameterFromQuery]</c> binding: a reader who
/// edits an address (<c>?page=abc</c>, <c>?saved=1?culture=en</c>) gets a 400 naming the value, not a 500.
/// Blazor throws a plain <see cref="InvalidOperationException"/> from its URL value parser, so the
/// exception is told apart by where it was thrown, and the parameter and value by its message.</summary>
public static partial class UnreadableQueryValue
{
    public static bool Is(Exception error) =>
        error is InvalidOperationException
        && error.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.Components.Routing";

    /// <summary>The value and the parameter's name, from "Cannot parse the value 'abc' as type '…' for 'page'."
    /// Empty strings when the framework's wording ever changes (the page still answers 400).</summary>
    public static (string Value, string Parameter) Describe(Exception error)
    {
        var match = Message().Match(error.Message);
        return match.Success ? (match.Groups["value"].Value, match.Groups["name"].Value) : ("", "");
    }

    [GeneratedRegex("value '(?<value>.*)' as type '.*' for '(?<name>[^']*)'")]
    private static partial Regex Message();
}
