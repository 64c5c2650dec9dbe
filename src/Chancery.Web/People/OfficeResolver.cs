using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>Recognises an office from how people write it ("Chủ tịch Quốc hội", "National Assembly
/// Chairman", "Chancellor"), ignoring case, diacritics and hyphens, on one side (ours or foreign):
/// the same words name different offices on each side. Unknown text resolves to null (a free-text
/// title with no rank).</summary>
public sealed class OfficeResolver
{
    private readonly Dictionary<(OfficeSide, string), Office> _byName = [];

    public OfficeResolver(IEnumerable<Office> offices)
    {
        // Where two offices share a name on one side, the higher-ranked (lower tier) wins.
        foreach (var office in offices.OrderBy(o => o.Tier).ThenBy(o => o.Id))
            foreach (var name in office.AllNames())
                _byName.TryAdd((office.Side, Key(name)), office);
    }

    public static async Task<OfficeResolver> LoadAsync(ChanceryDbContext db, CancellationToken ct) =>
        new(await db.Offices.AsNoTracking().ToListAsync(ct));

    public Office? Resolve(string? text, OfficeSide side) =>
        string.IsNullOrWhiteSpace(text) ? null : _byName.GetValueOrDefault((side, Key(text)));

    internal static string Key(string text)
    {
        var folded = TextFolding.Fold(text.Replace('-', ' ').Replace('.', ' '));
        if (folded.StartsWith("the ", StringComparison.Ordinal)) folded = folded[4..];
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
