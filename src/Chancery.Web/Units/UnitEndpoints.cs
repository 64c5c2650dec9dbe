using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Units;

public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnitEndpoints(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/", List).WithSummary("Every organisational unit, ordered by code (the tree is given by parentId).");
        units.MapPost("/", Create).RequireAuthorization(Policies.Administer)
            .WithSummary("Creates a unit; code unique, both names required, missions need a host country (ISO3).");
        units.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Administer)
            .WithSummary("Edits a unit; send the version you read. A stale version answers 409 with the current values.");
        return api;
    }

    private static async Task<Ok<ListResult<UnitItem>>> List(UnitQueries queries, CancellationToken ct)
    {
        var units = await queries.AllAsync(ct);
        return TypedResults.Ok(new ListResult<UnitItem>(units.Select(UnitItem.From).ToList(), units.Count));
    }

    private static async Task<Results<Created<UnitItem>, NotFound, ValidationProblem, ConflictProblem<UnitItem>>> Create(
        UnitRequest request, UnitWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.SaveAsync(null, request, ct)).ToCreated(words, u => $"/api/v1/units/{u.Id}");

    private static async Task<Results<Ok<UnitItem>, NotFound, ValidationProblem, ConflictProblem<UnitItem>>> Update(
        int id, UnitRequest request, UnitWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.SaveAsync(id, request, ct)).ToSaved(words);
}
