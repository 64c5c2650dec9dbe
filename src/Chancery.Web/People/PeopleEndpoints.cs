using Chancery.Web.Common.Time;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.People;

public static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", List).WithSummary("Leaders and counterparts by q (diacritics ignored) and side (domestic, foreign); "
            + "sorted by sort (name, side, country; a leading - for descending; default side); paged (page, pageSize).");
        people.MapGet("/{id:int}", Get);
        people.MapPost("/", Create).RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a person: fullName, nameEn (when it differs), side (domestic, foreign), countryIso3, notes, offices.");
        people.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a person from the version given; offices, when given, replace the periods (by id; those left out are removed).");
        people.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Edit)
            .WithSummary("Moves a person to the bin (an administrator can restore them); refused (400) while activities name them; "
                + "with ?version=, only if unchanged since (else 409).");
        people.MapPost("/{id:int}/offices", AddOffice).RequireAuthorization(Policies.Edit)
            .WithSummary("Adds an office period: officeId (reference office on the person's side) or a free-text title; from, to (null while held).");
        return api;
    }

    private static async Task<Results<Ok<ListResult<PersonListItem>>, ValidationProblem>> List(
        [AsParameters] PeopleFilter filter, PeopleQueries queries, TimeProvider clock, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        PeopleQueries.Sorts.Check(filter.Sort, problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, clock.Today(), ct));
    }

    private static async Task<Results<Ok<PersonDetail>, NotFound>> Get(int id, PeopleQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ConflictProblem<PersonDetail>>> Delete(
        int id, int? version, PersonWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.DeleteAsync(id, version, ct)).ToNoContent(words);

    private static async Task<Results<Created<PersonDetail>, NotFound, ValidationProblem, ConflictProblem<PersonDetail>>> Create(
        PersonInput input, PersonWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToCreated(words, p => $"/api/v1/people/{p.Id}");

    private static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem, ConflictProblem<PersonDetail>>> Update(
        int id, PersonInput input, PersonWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToSaved(words);

    private static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem, ConflictProblem<PersonDetail>>> AddOffice(
        int id, PersonOfficeInput input, PersonWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddOfficeAsync(id, input, ct)).ToSaved(words);
}
