using System.Linq.Expressions;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;

namespace Chancery.Web.Activities;

/// <summary>The activities a query finds, for the search box and the list's filter alike: by their own
/// words (title, reference, venue, people, roles), or by the name of a country they were held with in
/// either language ("nhat ban" and "Japan" find the activities with Japan).</summary>
public static class ActivitySearchMatch
{
    public static Expression<Func<Activity, bool>> For(ChanceryDbContext db, IReadOnlyList<string> terms)
    {
        // Not IgnoreQueryFilters, even though a country's name is not classified: inside this predicate it
        // would lift the classification filter of the whole query, activities included.
        var countries = db.Partners.Where(p => p.Kind == PartnerKind.Country)
            .Where(SearchMatch.Words<Partner>(terms)).Select(p => p.Code);
        return SearchMatch.Words<Activity>(terms).Or(a => a.Legs.Any(l => countries.Contains(l.CountryIso3)));
    }

    /// <summary>The activities of <paramref name="query"/> that <paramref name="text"/> finds (all when blank).</summary>
    public static IQueryable<Activity> Matching(this IQueryable<Activity> query, ChanceryDbContext db, string? text)
    {
        var terms = SearchTerms.Split(text);
        return terms.Count == 0 ? query : query.Where(For(db, terms));
    }
}
