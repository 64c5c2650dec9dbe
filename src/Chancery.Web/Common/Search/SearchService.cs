namespace Chancery.Web.Common.Search;

/// <summary>One hit of the global search box.</summary>
public sealed record SearchHit(string Kind, string Title, string? Subtitle, string Url);

/// <summary>What a module contributes to the global search: its records matching the folded terms.
/// Sources query through the DbContext, so the classification filter applies to search too.</summary>
public interface ISearchSource
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct);
}

/// <summary>Runs the global search over every registered module.</summary>
public sealed class SearchService(IEnumerable<ISearchSource> sources)
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, int limitPerSource, CancellationToken ct)
    {
        var terms = SearchTerms.Split(query);
        if (terms.Count == 0) return [];
        var hits = new List<SearchHit>();
        // One DbContext per request: the sources run one after another, never in parallel.
        foreach (var source in sources) hits.AddRange(await source.SearchAsync(terms, limitPerSource, ct));
        return hits;
    }
}

public static class SearchTerms
{
    /// <summary>Folds a query and splits it into words; each word must appear in the record's search text.</summary>
    public static IReadOnlyList<string> Split(string? query) =>
        TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();

    /// <summary>A LIKE pattern for one folded term, with LIKE's wildcards escaped.</summary>
    public static string LikePattern(string foldedTerm) =>
        "%" + foldedTerm.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    public const string LikeEscape = "\\";
}
