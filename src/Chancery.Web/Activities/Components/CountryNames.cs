using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities.Components;

/// <summary>Country names by ISO3 in the reader's language (a code with no partner record shows as itself).</summary>
public sealed class CountryNames(Dictionary<string, (string Vi, string En)> names)
{
    public static async Task<CountryNames> LoadAsync(ChanceryDbContext db, CancellationToken ct = default) =>
        new(await db.Partners.AsNoTracking().IgnoreQueryFilters().Where(p => p.Kind == PartnerKind.Country)
            .ToDictionaryAsync(p => p.Code, p => (p.NameVi, p.NameEn), StringComparer.OrdinalIgnoreCase, ct));

    public string this[string code] => names.TryGetValue(code, out var n) ? (LocalizationSetup.IsVietnamese ? n.Vi : n.En) : code;

    /// <summary>The countries sorted by their name in the reader's language, for a select.</summary>
    public IEnumerable<(string Code, string Name)> Sorted() =>
        names.Keys.Select(c => (c, this[c])).OrderBy(x => x.Item2, StringComparer.CurrentCulture);
}
