using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>The countries' names as their partner records give them, for any page that names countries
/// (the kernel's <see cref="CountryNames"/> picks the reader's language). Every country is named,
/// whatever the reader may see of its record: a name is not classified.</summary>
public static class PartnerCountryNames
{
    public static async Task<CountryNames> LoadAsync(ChanceryDbContext db, CancellationToken ct) =>
        new(await db.Partners.AsNoTracking().IgnoreQueryFilters().Where(p => p.Kind == PartnerKind.Country)
            .Select(p => new CountryName(p.Code, p.NameVi, p.NameEn)).ToListAsync(ct));
}
