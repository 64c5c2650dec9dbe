using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

public sealed class PartnerSearchSource(ChanceryDbContext db, IStringLocalizer<PartnersText> text) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().MatchingSearch(string.Join(' ', foldedTerms))
            .OrderBy(p => p.Code).Take(limit).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return partners.Select(p => new SearchHit(text["Partner"], p.Name(vietnamese), p.Code, "/partners/" + p.Code)).ToList();
    }
}
