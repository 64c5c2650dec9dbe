using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>The countries' names as their partner records give them, for any page that names countries
/// (the kernel's <see cref="CountryNames"/> picks the reader's language). A country in the bin is still
/// named; a country whose record is classified above the reader is not (its name is the record's: a
/// secret partner entered as a country must not appear in every picker, code list and page).</summary>
public static class PartnerCountryNames
{
    public static async Task<CountryNames> LoadAsync(ChanceryDbContext db, CancellationToken ct) =>
        new(await KnownCountries.Query(db).AsNoTracking()
            .Select(p => new CountryName(p.Code, p.NameVi, p.NameEn)).ToListAsync(ct));
}
