namespace Chancery.Web.Common.Search;

public static class SearchableQueryExtensions
{
    /// <summary>Keeps the records the query finds (<see cref="SearchMatch"/>: whole words, the last one
    /// possibly begun, typed with or without diacritics), as the search box finds them.</summary>
    public static IQueryable<T> MatchingSearch<T>(this IQueryable<T> query, string? text) where T : class, ISearchable
    {
        var terms = SearchTerms.Split(text);
        return terms.Count == 0 ? query : query.Where(SearchMatch.Words<T>(terms));
    }
}
