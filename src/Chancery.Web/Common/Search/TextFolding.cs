using System.Globalization;
using System.Text;

namespace Chancery.Web.Common.Search;

/// <summary>The one diacritic folding used by every search: lower case, accents removed, and the
/// Vietnamese đ (which Unicode does not decompose) folded to d. "Đà Nẵng" and "da nang" meet here.</summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // Plain ASCII (codes, most English text) has nothing to decompose or compose: the same result
        // without the two normalisations, which cost most of the time of a bulk import's search texts.
        var ascii = Ascii.IsValid(text);
        var decomposed = ascii ? text.Trim() : text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (lastWasSpace) continue;
                folded = ' ';
                lastWasSpace = true;
            }
            else lastWasSpace = false;
            builder.Append(folded);
        }
        return ascii ? builder.ToString() : builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folds several names into one searchable text, separated so that a term does not
    /// match across two names.</summary>
    public static string FoldAll(params string?[] parts) => FoldAll(Fold, parts);

    /// <summary><see cref="FoldAll(string?[])"/> with another way to fold each part (e.g. one that
    /// remembers the parts a bulk import repeats).</summary>
    public static string FoldAll(Func<string?, string> fold, params string?[] parts) =>
        string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(fold));
}

/// <summary><see cref="TextFolding.Fold"/> remembering what it folded, for bulk work where the same
/// texts (an office, a leader's name, a city) come back on thousands of rows. Bounded, so a file of
/// unique texts does not grow it without end; not thread-safe (one per import).</summary>
public sealed class TextFoldingCache(int capacity = 20_000)
{
    private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);

    public string Fold(string? text)
    {
        if (text is null) return "";
        if (_folded.TryGetValue(text, out var folded)) return folded;
        folded = TextFolding.Fold(text);
        if (_folded.Count < capacity) _folded[text] = folded;
        return folded;
    }
}
