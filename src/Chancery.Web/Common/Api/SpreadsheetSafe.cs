namespace Chancery.Web.Common.Api;

/// <summary>Cells of an exported file that a spreadsheet would run as a formula (text starting with
/// = + - @, or a tab or carriage return before one) are prefixed with an apostrophe, so a value someone
/// typed into a record ("=HYPERLINK(…)") is shown, never evaluated, when the file is opened.</summary>
public static class SpreadsheetSafe
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
