namespace Chancery.Web.Partners;

/// <summary>One entry of the region list: a region (<see cref="Parent"/> null) or a sub-region of one.
/// <see cref="M49"/> is the UN M49 code, null for the groupings M49 does not have.</summary>
public sealed record WorldRegion(string Code, string? Parent, string? M49)
{
    public bool IsRegion => Parent is null;
}

/// <summary>The regions and sub-regions a partner is placed in, chosen from this list (never typed).
/// Countries follow the UN M49 geographic scheme: the five regions and their 22 usual sub-regions (for
/// Africa and the Americas these are M49's "intermediate regions": Eastern Africa rather than
/// Sub-Saharan Africa, the Caribbean rather than Latin America). Organisations may also sit in a
/// grouping M49 does not have (Asia-Pacific, Asia-Europe) or in the world as a whole; Antarctica has no
/// M49 region and is its own. Stored as the codes below; the names are the module's words
/// (<c>WorldRegion_{code}</c> in PartnersText.resx / .vi.resx).</summary>
public static class WorldRegions
{
    public static readonly IReadOnlyList<WorldRegion> All =
    [
        new("africa", null, "002"),
        new("northern_africa", "africa", "015"),
        new("eastern_africa", "africa", "014"),
        new("middle_africa", "africa", "017"),
        new("southern_africa", "africa", "018"),
        new("western_africa", "africa", "011"),
        new("americas", null, "019"),
        new("caribbean", "americas", "029"),
        new("central_america", "americas", "013"),
        new("south_america", "americas", "005"),
        new("northern_america", "americas", "021"),
        new("asia", null, "142"),
        new("central_asia", "asia", "143"),
        new("eastern_asia", "asia", "030"),
        new("south_eastern_asia", "asia", "035"),
        new("southern_asia", "asia", "034"),
        new("western_asia", "asia", "145"),
        new("europe", null, "150"),
        new("eastern_europe", "europe", "151"),
        new("northern_europe", "europe", "154"),
        new("southern_europe", "europe", "039"),
        new("western_europe", "europe", "155"),
        new("oceania", null, "009"),
        new("australia_new_zealand", "oceania", "053"),
        new("melanesia", "oceania", "054"),
        new("micronesia", "oceania", "057"),
        new("polynesia", "oceania", "061"),
        new("antarctica", null, null),
        new("asia_pacific", null, null),
        new("asia_europe", null, null),
        new("world", null, "001"),
    ];

    private static readonly Dictionary<string, WorldRegion> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static IEnumerable<WorldRegion> Regions => All.Where(r => r.IsRegion);

    public static IEnumerable<WorldRegion> SubregionsOf(string? region) => All.Where(r => r.Parent is not null && r.Parent == region);

    public static WorldRegion? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    public static bool IsRegion(string? code) => Find(code) is { IsRegion: true };

    public static bool IsSubregionOf(string? code, string? region) => Find(code) is { Parent: { } parent } && parent == region;

    /// <summary>The words a region was typed with before the list existed (the reference data's English
    /// names, as stored until then), mapped to their codes; null for text the list does not know.</summary>
    public static string? FromLegacyText(string? text) =>
        text is null ? null : ByCode.ContainsKey(text) ? text : Legacy.GetValueOrDefault(text.Trim());

    private static readonly Dictionary<string, string> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Africa"] = "africa", ["Americas"] = "americas", ["Asia"] = "asia", ["Europe"] = "europe", ["Oceania"] = "oceania",
        ["Antarctic"] = "antarctica", ["Antarctica"] = "antarctica", ["Global"] = "world", ["World"] = "world",
        ["Asia-Pacific"] = "asia_pacific", ["Asia-Europe"] = "asia_europe",
        ["Northern Africa"] = "northern_africa", ["Eastern Africa"] = "eastern_africa", ["Middle Africa"] = "middle_africa",
        ["Southern Africa"] = "southern_africa", ["Western Africa"] = "western_africa", ["Caribbean"] = "caribbean",
        ["Central America"] = "central_america", ["South America"] = "south_america", ["North America"] = "northern_america",
        ["Northern America"] = "northern_america", ["Central Asia"] = "central_asia", ["Eastern Asia"] = "eastern_asia",
        ["South-Eastern Asia"] = "south_eastern_asia", ["Southern Asia"] = "southern_asia", ["Western Asia"] = "western_asia",
        ["Eastern Europe"] = "eastern_europe", ["Northern Europe"] = "northern_europe", ["Southern Europe"] = "southern_europe",
        ["Western Europe"] = "western_europe", ["Australia and New Zealand"] = "australia_new_zealand",
        ["Melanesia"] = "melanesia", ["Micronesia"] = "micronesia", ["Polynesia"] = "polynesia",
    };
}
