using System.Globalization;

namespace Chancery.Web.Common.Localization;

/// <summary>Documents (DOCX, XLSX) are papers of a Vietnamese ministry: Vietnamese first unless the
/// request asks for English with <c>culture=en</c>. Their language is the document's, not the API
/// caller's Accept-Language (which words the API's errors); pages link to them with their own language.</summary>
public static class DocumentCulture
{
    public static void Apply(string? culture)
    {
        var chosen = LocalizationSetup.Cultures.Contains(culture) ? culture! : LocalizationSetup.DefaultCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chosen);
    }

    /// <summary>The query-string pair a page adds to its document links.</summary>
    public static string Query => "culture=" + (LocalizationSetup.IsVietnamese ? "vi" : "en");
}
