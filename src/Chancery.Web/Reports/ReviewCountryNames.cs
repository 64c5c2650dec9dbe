using Chancery.Web.Common.Localization;
using Chancery.Web.Reference;

namespace Chancery.Web.Reports;

/// <summary>Country names and ISO 3166 numeric codes from the embedded countries.csv: the records behind
/// the review carry alpha-3 codes, the world map (world-atlas) is keyed by the numeric code.</summary>
public static class ReviewCountryNames
{
    private sealed record Row(string Numeric, string NameEn, string NameVi);

    private static readonly Lazy<IReadOnlyDictionary<string, Row>> ByIso3 = new(() =>
        EmbeddedCsv.Rows("countries.csv").ToDictionary(
            r => r["iso3"], r => new Row(r["numeric"], r["name_en"], r["name_vi"]), StringComparer.OrdinalIgnoreCase));

    /// <summary>The name in the current language; the code itself when the file does not know it.</summary>
    public static string Name(string iso3) =>
        ByIso3.Value.TryGetValue(iso3, out var row) ? (LocalizationSetup.IsVietnamese ? row.NameVi : row.NameEn) : iso3;

    public static string Names(IEnumerable<string> iso3Codes) => string.Join(", ", iso3Codes.Distinct().Select(Name));

    /// <summary>e.g. "250" for FRA (three digits, as world-atlas spells its ids); null when unknown.</summary>
    public static string? Numeric(string iso3) => ByIso3.Value.TryGetValue(iso3, out var row) && row.Numeric.Length > 0 ? row.Numeric : null;
}
