namespace Chancery.Web.Common.Localization;

/// <summary>A country's names: its ISO 3166-1 alpha-3 code, Vietnamese and English.</summary>
public sealed record CountryName(string Code, string NameVi, string NameEn);

/// <summary>Country names by ISO3 in the reader's language (a code nobody named shows as itself): the
/// one place that picks a country's name, for the pages, the review and its documents.</summary>
public sealed class CountryNames
{
    private readonly Dictionary<string, CountryName> byCode;

    public CountryNames(IEnumerable<CountryName> names)
    {
        byCode = new Dictionary<string, CountryName>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names) byCode.TryAdd(name.Code, name);
    }

    public static CountryNames None { get; } = new([]);

    public string this[string code] => byCode.TryGetValue(code, out var n) ? (LocalizationSetup.IsVietnamese ? n.NameVi : n.NameEn) : code;

    /// <summary>The names of several countries, each once, in the order given, comma-separated.</summary>
    public string Join(IEnumerable<string> codes) => string.Join(", ", codes.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => this[c]));

    /// <summary>The countries sorted by their name in the reader's language, for a select.</summary>
    public IEnumerable<(string Code, string Name)> Sorted() =>
        byCode.Keys.Select(c => (c, this[c])).OrderBy(x => x.Item2, StringComparer.CurrentCulture);
}
