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
    /// remembers the parts a bulk import repeats). Each part is cut into words (<see cref="Words"/>):
    /// the search matches whole words and word beginnings, so "(Tokyo)" and "Keller-Sutter" must
    /// show their words between spaces.</summary>
    public static string FoldAll(Func<string?, string> fold, params string?[] parts) =>
        string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Words(fold(p))).Where(p => p.Length > 0));

    /// <summary>A query or a name folded and cut into words: "Keller-Sutter (Bern)" gives "keller sutter bern".</summary>
    public static string FoldWords(string? text) => Words(Fold(text));

    /// <summary>Folded text with every character that is neither a letter nor a digit turned into a
    /// space, spaces single, none at either end.</summary>
    public static string Words(string folded)
    {
        if (folded.All(c => char.IsLetterOrDigit(c) || c == ' ')) return folded;
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var word = char.IsLetterOrDigit(c);
            if (word) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().TrimEnd();
    }
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
