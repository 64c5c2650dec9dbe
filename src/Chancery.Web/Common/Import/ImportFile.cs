namespace Chancery.Web.Common.Import;

public enum ImportFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>An uploaded file, already bounded in size and held in memory.</summary>
public sealed record ImportFile(string FileName, ImportFormat Format, byte[] Content)
{
    public static ImportFormat FormatOf(string? fileName, string? contentType)
    {
        if (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true) return ImportFormat.Xlsx;
        if (contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true) return ImportFormat.Xlsx;
        return ImportFormat.Csv;
    }
}
