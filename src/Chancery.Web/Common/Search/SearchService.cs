namespace Chancery.Web.Common.Search;

/// <summary>Runs the global search over every registered module: one group per module, in the modules'
/// order, empty groups left out.</summary>
public sealed class SearchService(IEnumerable<ISearchSource> sources)
{
    public async Task<IReadOnlyList<SearchGroup>> SearchAsync(string? text, int limitPerGroup, CancellationToken ct)
    {
        var query = SearchQuery.Parse(text);
        if (query.Terms.Count == 0) return [];
        var groups = new List<SearchGroup>();
        // One DbContext per request: the sources run one after another, never in parallel.
        foreach (var source in sources) groups.Add(await source.SearchAsync(query, limitPerGroup, ct));
        return groups.Where(g => g.Total > 0).OrderBy(g => g.Order).ToList();
    }
}

public static class SearchTerms
{
    /// <summary>Folds a query and cuts it into words (<see cref="TextFolding.FoldWords"/>), at most eight.</summary>
    public static IReadOnlyList<string> Split(string? query) =>
        TextFolding.FoldWords(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
}
