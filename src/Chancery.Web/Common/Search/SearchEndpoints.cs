using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Search;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithTags("Search")
            .WithSummary("Searches every module by name, ignoring case and diacritics ('da nang' finds 'Đà Nẵng'): whole words, the last " +
                "one possibly begun. Hits by module (partners, people, activities, units), each module's best matches first.");
        return api;
    }

    private static async Task<Ok<Api.ListResult<SearchHit>>> Search(string? q, SearchService search, CancellationToken ct)
    {
        var hits = (await search.SearchAsync(q, 20, ct)).SelectMany(g => g.Hits).ToList();
        return TypedResults.Ok(new Api.ListResult<SearchHit>(hits, hits.Count));
    }
}
