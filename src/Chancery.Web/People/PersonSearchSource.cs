using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.People;

/// <summary>People in the global search box ("pham minh chinh" finds "Phạm Minh Chính").</summary>
public sealed class PersonSearchSource(ChanceryDbContext db, IStringLocalizer<PeopleText> text) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().MatchingSearch(string.Join(' ', foldedTerms))
            .OrderBy(p => p.FullName).Take(limit)
            .Select(p => new { p.Id, p.FullName, p.CountryIso3 })
            .ToListAsync(ct);
        return people.Select(p => new SearchHit(text["People"], p.FullName, p.CountryIso3, "/people/" + p.Id)).ToList();
    }
}
