namespace Chancery.Web.Common.Import;

/// <summary>What an import file may hold, checked while it is read so that a small hostile file cannot
/// make the server build something huge: a workbook whose parts expand past
/// <see cref="MaxExpandedBytes"/> (or compressed a hundredfold) is refused before its sheet is read, a header wider than
/// <see cref="MaxColumns"/> is refused before its names are checked, and a cell longer than Excel's own
/// limit (<see cref="MaxCellChars"/>) is a problem of its row.</summary>
public static class ImportLimits
{
    public const int MaxColumns = 256;
    public const int MaxCellChars = 32_767;
    public const long MaxExpandedBytes = 256L * 1024 * 1024;
}
