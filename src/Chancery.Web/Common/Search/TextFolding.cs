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
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
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
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folds several names into one searchable text, separated so that a term does not
    /// match across two names.</summary>
    public static string FoldAll(params string?[] parts) =>
        string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Fold));
}
