using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

    private static async Task<Ok<ListResult<UnitItem>>> List(ChanceryDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);
        return TypedResults.Ok(new ListResult<UnitItem>(units.Select(UnitItem.From).ToList(), units.Count));
    }

    private static async Task<Results<Created<UnitItem>, ValidationProblem>> Create(
        UnitRequest request, ChanceryDbContext db, IStringLocalizer<UnitsText> text, CancellationToken ct)
    {
        var result = await UnitCommands.SaveAsync(db, null, request, ct);
        if (!result.Succeeded) return TypedResults.ValidationProblem(UnitCommands.Localize(result.Errors, text));
        return TypedResults.Created($"/api/v1/units/{result.Saved!.Id}", UnitItem.From(result.Saved));
    }

    private static async Task<Results<Ok<UnitItem>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        int id, UnitRequest request, ChanceryDbContext db, IStringLocalizer<UnitsText> text, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct)) return TypedResults.NotFound();
        var result = await UnitCommands.SaveAsync(db, id, request, ct);
        if (result.Conflict is { } current) return ConcurrencyConflict.Problem(current, current.Version);
        if (!result.Succeeded) return TypedResults.ValidationProblem(UnitCommands.Localize(result.Errors, text));
        return TypedResults.Ok(UnitItem.From(result.Saved!));
    }
}
