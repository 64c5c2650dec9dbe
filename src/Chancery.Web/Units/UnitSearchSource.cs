using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Units;

/// <summary>Units in the global search box ("da nang" finds "Thành phố Đà Nẵng").</summary>
public sealed class UnitSearchSource(ChanceryDbContext db, IStringLocalizer<SharedText> text) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().MatchingSearch(string.Join(' ', foldedTerms))
            .OrderBy(u => u.Code).Take(limit).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return units.Select(u => new SearchHit(text["Unit"], vietnamese ? u.NameVi : u.NameEn, u.Code, "/units#unit-" + u.Code)).ToList();
    }
}
