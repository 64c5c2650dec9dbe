using System.Globalization;
using System.Text;

namespace Chancery.Web.Common.Localization;

/// <summary>The language free text is written in, as far as its letters tell: Vietnamese when it carries a
/// letter or tone mark English has not (đ, ơ, ư, ă, â, ê, ô, the five tones), English when it has Latin
/// letters and none of those. Used to mark text that is not in the reader's language with <c>lang</c>
/// (notes and sources typed in one language, shown on screens of either).</summary>
public static class TextLanguage
{
    public static bool IsVietnamese(string text) =>
        text.Normalize(NormalizationForm.FormD).Any(c => c is 'đ' or 'Đ' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>"vi", "en", or null when the text has no letters to tell by.</summary>
    public static string? Of(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : IsVietnamese(text) ? "vi" : text.Any(char.IsAsciiLetter) ? "en" : null;

    /// <summary>The text's language when it is not the reader's (for a <c>lang</c> attribute), else null.</summary>
    public static string? IfNotReaders(string? text) =>
        Of(text) is { } lang && lang != (LocalizationSetup.IsVietnamese ? "vi" : "en") ? lang : null;
}
