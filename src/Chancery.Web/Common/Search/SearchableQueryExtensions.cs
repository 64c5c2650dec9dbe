using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Search;

public static class SearchableQueryExtensions
{
    /// <summary>Keeps the records whose folded search text contains every term of the query
    /// (typed with or without diacritics).</summary>
    public static IQueryable<T> MatchingSearch<T>(this IQueryable<T> query, string? text) where T : class, ISearchable
    {
        foreach (var term in SearchTerms.Split(text))
        {
            var pattern = SearchTerms.LikePattern(term);
            query = query.Where(e => EF.Functions.Like(e.SearchText, pattern, SearchTerms.LikeEscape));
        }
        return query;
    }
}
