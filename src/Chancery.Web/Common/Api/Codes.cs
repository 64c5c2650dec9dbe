using System.Text;

namespace Chancery.Web.Common.Api;

/// <summary>The one mapping between enums and the snake_case codes of the API and the interchange
/// files (StateVisit ↔ state_visit), derived from the member names so they cannot drift. Every module's
/// enums go through it; an answer never carries an enum's number.</summary>
public static class Codes<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByCode =
        Enum.GetValues<T>().ToDictionary(ToCode, v => v, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => ByCode.Keys;

    public static string ToCode(T value)
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    public static bool TryParse(string? code, out T value) => ByCode.TryGetValue(code?.Trim() ?? "", out value);

    /// <summary>A filter parameter holding a code: blank is "any"; anything else must be one of the codes,
    /// or a problem names the parameter and the allowed values (an unknown filter never answers the
    /// unfiltered list as if it had matched).</summary>
    public static void CheckFilter(string? code, string parameter, Writing.Problems problems)
    {
        if (!string.IsNullOrWhiteSpace(code) && !TryParse(code, out _))
            problems.Add(parameter, Writing.ErrorCodes.OneOf, string.Join(", ", All));
    }
}
