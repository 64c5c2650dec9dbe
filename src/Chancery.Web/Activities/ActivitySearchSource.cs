using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Activities;

/// <summary>Activities in the global search box, latest first; the classification filter applies.</summary>
public sealed class ActivitySearchSource(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text) : ISearchSource
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().MatchingSearch(string.Join(' ', foldedTerms))
            .OrderByDescending(a => a.DateStart).Take(limit)
            .Select(a => new { a.Id, a.Title, a.Kind, a.DateStart })
            .ToListAsync(ct);
        return activities.Select(a => new SearchHit(text["Activities"], a.Title ?? a.Kind.ToString(), Formats.Date(a.DateStart), "/activities/" + a.Id)).ToList();
    }
}
