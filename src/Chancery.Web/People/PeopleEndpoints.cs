using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

public static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", List).WithSummary("Leaders and counterparts by q (diacritics ignored) and side (domestic, foreign); paged.");
        people.MapGet("/{id:int}", Get);
        people.MapPost("/{id:int}/offices", AddOffice).RequireAuthorization(Policies.Edit)
            .WithSummary("Adds an office period: officeId (reference office on the person's side) or a free-text title; from, to (null while held).");
        return api;
    }

    private static async Task<Ok<ListResult<PersonListItem>>> List([AsParameters] PeopleFilter filter, ChanceryDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await PeopleQueries.ListAsync(db, filter, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct));

    private static async Task<Results<Ok<PersonDetail>, NotFound>> Get(int id, ChanceryDbContext db, CancellationToken ct) =>
        await PeopleQueries.DetailAsync(db, id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem>> AddOffice(int id, PersonOfficeInput input, ChanceryDbContext db, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Offices).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return TypedResults.NotFound();
        var errors = await PeopleQueries.AddOfficeAsync(db, person, input, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok((await PeopleQueries.DetailAsync(db, id, ct))!);
    }
}
