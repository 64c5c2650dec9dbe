using Chancery.Web.Common.Localization;
using Chancery.Web.Reference;

namespace Chancery.Web.Reports;

/// <summary>Country names and ISO 3166 numeric codes from the embedded countries.csv: the records behind
/// the review carry alpha-3 codes, the world map (world-atlas) is keyed by the numeric code. The names
/// are chosen in the reader's language by the kernel's <see cref="CountryNames"/>.</summary>
public static class ReviewCountryNames
{
    private static readonly Lazy<IReadOnlyList<Dictionary<string, string>>> Rows = new(() => EmbeddedCsv.Rows("countries.csv").ToList());

    private static readonly Lazy<CountryNames> ByIso3 = new(() =>
        new CountryNames(Rows.Value.Select(r => new CountryName(r["iso3"], r["name_vi"], r["name_en"]))));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> NumericByIso3 = new(() => Rows.Value
        .Where(r => r["numeric"].Length > 0).ToDictionary(r => r["iso3"], r => r["numeric"], StringComparer.OrdinalIgnoreCase));

    /// <summary>The name in the current language; the code itself when the file does not know it.</summary>
    public static string Name(string iso3) => ByIso3.Value[iso3];

    public static string Names(IEnumerable<string> iso3Codes) => ByIso3.Value.Join(iso3Codes);

    /// <summary>e.g. "250" for FRA (three digits, as world-atlas spells its ids); null when unknown.</summary>
    public static string? Numeric(string iso3) => NumericByIso3.Value.GetValueOrDefault(iso3);
}
