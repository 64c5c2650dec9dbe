using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Partners;

public static class PartnerEndpoints
{
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup("/partners").WithTags("Partners");
        partners.MapGet("/", List)
            .WithSummary("Partners with their level on a day (asOf, default today); filter by level, region, kind and flags; q ignores diacritics.");

        var partnerships = api.MapGroup("/partnerships").WithTags("Partners");
        partnerships.MapPost("/import", Import).RequireAuthorization(Policies.Edit).DisableAntiforgery()
            .WithSummary("Imports framework events (partnerships.csv format) as multipart 'file' or a text/csv body. All-or-nothing; dryRun=true previews.");
        return api;
    }

    private static async Task<Ok<ListResult<PartnerListItem>>> List(
        [AsParameters] PartnerFilter filter, ChanceryDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await PartnerQueries.ListAsync(db, filter, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct));

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> Import(
        HttpRequest request, PartnershipImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);
}
