namespace Chancery.Web.Common.Import;

/// <summary>Keeps a CSV cell from being run as a formula when a spreadsheet opens the file (CSV
/// injection): a cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe,
/// which spreadsheets read as "text". The import takes that apostrophe off again, so an exported file
/// imported back changes nothing. A cell that already starts with an apostrophe before such a
/// character gets one more, so the two directions stay exact inverses.</summary>
public static class FormulaGuard
{
    private const char Guard = '\'';

    public static string Neutralise(string value) => NeedsGuard(value) ? Guard + value : value;

    /// <summary>The cell as it was before <see cref="Neutralise"/>.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == Guard && NeedsGuard(value.AsSpan(1)) ? value[1..] : value;

    private static bool NeedsGuard(ReadOnlySpan<char> value)
    {
        while (value.Length > 0)
        {
            switch (value[0])
            {
                case '=' or '+' or '-' or '@' or '\t' or '\r': return true;
                case Guard: value = value[1..]; continue;
                default: return false;
            }
        }
        return false;
    }
}
