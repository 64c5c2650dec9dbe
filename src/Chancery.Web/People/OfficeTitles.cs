using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Reference;

namespace Chancery.Web.People;

/// <summary>An office as a record wrote it ("Thủ tướng", "PM", "President"), shown in the reader's
/// language. The rule, in order:
/// 1. Our side: the office the text names (<see cref="OfficeResolver"/>) by its name in the reader's
///    language ("Thủ tướng" → "Thủ tướng Chính phủ" / "Prime Minister of Vietnam").
/// 2. A foreign title with a known pair (Reference/Data/office_titles.csv: President ↔ Tổng thống,
///    Chancellor ↔ Thủ tướng, Speaker ↔ Chủ tịch Hạ viện …) in the reader's language.
/// 3. Text already in the reader's language (Vietnamese diacritics, or none for English) as written:
///    the writer's own words are more precise than the office's generic name.
/// 4. Text in the other language that names a ranked office: that office's name in the reader's language
///    ("Emir" on a Vietnamese screen → "Nguyên thủ quốc gia").
/// 5. Otherwise as written.</summary>
public sealed class OfficeTitles
{
    private readonly OfficeResolver _offices;

    public OfficeTitles(OfficeResolver offices) => _offices = offices;

    public static async Task<OfficeTitles> LoadAsync(ChanceryDbContext db, CancellationToken ct) =>
        new(await OfficeResolver.LoadAsync(db, ct));

    public string? Shown(string? text, OfficeSide side) => Shown(text, side, LocalizationSetup.IsVietnamese);

    public string? Shown(string? text, OfficeSide side, bool vietnamese)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (side == OfficeSide.Domestic && _offices.Resolve(text, side) is { } ours) return vietnamese ? ours.NameVi : ours.NameEn;
        if (Pairs.Value.TryGetValue((side, OfficeResolver.Key(text)), out var pair)) return vietnamese ? pair.Vi : pair.En;
        if (TextLanguage.IsVietnamese(text) == vietnamese) return text;
        if (_offices.Resolve(text, side) is { } office) return vietnamese ? office.NameVi : office.NameEn;
        return text;
    }

    private static readonly Lazy<Dictionary<(OfficeSide, string), (string En, string Vi)>> Pairs = new(() =>
    {
        var pairs = new Dictionary<(OfficeSide, string), (string En, string Vi)>();
        foreach (var row in EmbeddedCsv.Rows("office_titles.csv"))
        {
            var side = row["side"] == "foreign" ? OfficeSide.Foreign : OfficeSide.Domestic;
            var names = new[] { row["name_en"], row["name_vi"] }
                .Concat(row["aliases"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            // The first row to claim a name keeps it ("Thủ tướng" reads back as Prime Minister, not Chancellor).
            foreach (var name in names) pairs.TryAdd((side, OfficeResolver.Key(name)), (row["name_en"], row["name_vi"]));
        }
        return pairs;
    });
}
