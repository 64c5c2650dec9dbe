using System.Linq.Expressions;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;

namespace Chancery.Web.Agreements;

/// <summary>The agreements a query finds, for the search box and the list's filter alike: by their own
/// words (titles in both languages, reference, signatories, place), or by the name of a party in either
/// language ("hoa ky" and "United States" find the agreements with the United States).</summary>
public static class AgreementSearchMatch
{
    public static Expression<Func<Agreement, bool>> For(ChanceryDbContext db, IReadOnlyList<string> terms)
    {
        // Not IgnoreQueryFilters: inside this predicate it would lift the classification filter of the
        // whole query, agreements included.
        var partners = db.Partners.Where(SearchMatch.Words<Partner>(terms)).Select(p => p.Id);
        return SearchMatch.Words<Agreement>(terms).Or(a => a.Parties.Any(p => partners.Contains(p.PartnerId)));
    }

    /// <summary>The agreements of <paramref name="query"/> that <paramref name="text"/> finds (all when blank).</summary>
    public static IQueryable<Agreement> Matching(this IQueryable<Agreement> query, ChanceryDbContext db, string? text)
    {
        var terms = SearchTerms.Split(text);
        return terms.Count == 0 ? query : query.Where(For(db, terms));
    }
}
