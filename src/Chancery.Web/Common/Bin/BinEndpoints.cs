using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Bin;

/// <summary>One deleted record as the API gives it: the kind as a code and in the caller's language,
/// the level as a code, the time with its offset.</summary>
public sealed record BinRecord(string Kind, string KindLabel, int Id, string Name, string? Detail, string? Classification,
    DateTimeOffset DeletedAt, string? DeletedBy)
{
    public static BinRecord From(BinItem item) => new(item.Kind, item.KindLabel, item.Id, item.Name, item.Detail,
        item.Classification?.ToCode(), new DateTimeOffset(item.DeletedAt, TimeSpan.Zero), item.DeletedBy);
}

/// <summary>The bin for administrators: <c>GET /api/v1/bin</c> and <c>POST /api/v1/bin/{kind}/{id}/restore</c>.
/// Deleting is each record's own endpoint (<c>DELETE /api/v1/activities/{id}</c> …), open to editors.</summary>
public static class BinEndpoints
{
    public static RouteGroupBuilder MapBinEndpoints(this RouteGroupBuilder api)
    {
        var bin = api.MapGroup("/bin").WithTags("Bin").RequireAuthorization(Policies.Administer);
        bin.MapGet("/", List)
            .WithSummary("Deleted records the caller may see (activities, people, framework events), most recently deleted first; "
                + "filter by kind (activity, person, partner_event); paged (page, pageSize).");
        bin.MapPost("/{kind}/{id:int}/restore", Restore)
            .WithSummary("Takes a deleted record out of the bin: it is back in every list, page, search and report. "
                + "404 when it is not in the bin (or above the caller's clearance); 400 when it cannot come back as it is.");
        return api;
    }

    private static async Task<Results<Ok<ListResult<BinRecord>>, ValidationProblem>> List(
        [AsParameters] BinFilter filter, BinQueries bin, ErrorWords words, CancellationToken ct)
    {
        var problems = bin.Check(filter);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        var page = await bin.ListAsync(filter, ct);
        return TypedResults.Ok(new ListResult<BinRecord>(page.Items.Select(BinRecord.From).ToList(), page.Total, page.TotalIsExact));
    }

    private static async Task<Results<Ok<BinRecord>, NotFound, ValidationProblem, ConflictProblem<BinRecord>>> Restore(
        string kind, int id, BinQueries bin, ErrorWords words, CancellationToken ct)
    {
        var outcome = await bin.RestoreAsync(kind, id, ct);
        return new WriteOutcome<BinRecord>(outcome.Status, outcome.Value is { } v ? BinRecord.From(v) : null, outcome.Problems).ToSaved(words);
    }
}
