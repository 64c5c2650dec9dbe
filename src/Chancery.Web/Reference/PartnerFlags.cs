namespace Chancery.Web.Reference;

/// <summary>The standing facts behind the partner flags, applied when reference data is loaded.</summary>
public static class PartnerFlags
{
    /// <summary>Countries sharing a land border with Vietnam.</summary>
    public static readonly string[] LandBorder = ["CHN", "LAO", "KHM"];

    /// <summary>Countries with an agreed maritime boundary (Gulf of Tonkin 2000 with China; 1997 with
    /// Thailand; continental shelf 2003 and EEZ 2022 with Indonesia).</summary>
    public static readonly string[] MaritimeBoundary = ["CHN", "THA", "IDN"];

    /// <summary>Neighbours by land or sea.</summary>
    public static readonly string[] Neighbours = ["CHN", "LAO", "KHM", "THA", "MYS", "IDN", "PHL", "BRN"];

    /// <summary>ASEAN members other than Vietnam (Timor-Leste admitted in October 2025).</summary>
    public static readonly string[] AseanMembers = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS"];

    /// <summary>The permanent members of the UN Security Council, with Japan, India and Germany.</summary>
    public static readonly string[] MajorPowers = ["USA", "CHN", "RUS", "GBR", "FRA", "JPN", "IND", "DEU"];

    /// <summary>The special relations that stand beside the ladder.</summary>
    public static readonly string[] Special = ["LAO", "KHM", "CUB"];
}
