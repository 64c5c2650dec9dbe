using Chancery.Web.Common.Api;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Directives.Links;

/// <summary>A task's links to the activities, agreements and commitments that carry it out, and the other
/// way: the tasks a record serves.</summary>
public static class TaskLinkEndpoints
{
    public static RouteGroupBuilder MapTaskLinkEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/tasks").WithTags("Directives");
        links.MapPost("/{id:int}/links", Add).RequireAuthorization(Policies.Edit)
            .WithSummary("Links the task to an activity, agreement or commitment the writer may see (kind, id); linking twice is one link. The lead unit's officers only.");
        links.MapDelete("/{id:int}/links/{kind}/{targetId:int}", Remove).RequireAuthorization(Policies.Edit)
            .WithSummary("Removes the task's link to a record.");
        links.MapGet("/serving", Serving)
            .WithSummary("The tasks (that the reader may see) an activity, agreement or commitment carries out: kind and id of the record.");
        return api;
    }

    private static async Task<Results<Created<TaskDetail>, NotFound, ValidationProblem, ConflictProblem<TaskDetail>>> Add(
        int id, TaskLinkRequest request, TaskLinks links, ErrorWords words, CancellationToken ct) =>
        (await links.AddAsync(id, request, ct)).ToCreated(words, t => $"/api/v1/tasks/{t.Id}");

    private static async Task<Results<Ok<TaskDetail>, NotFound, ValidationProblem, ConflictProblem<TaskDetail>>> Remove(
        int id, [CodeSet(typeof(TaskLinkKind))] string kind, int targetId, TaskLinks links, ErrorWords words, CancellationToken ct) =>
        (await links.RemoveAsync(id, kind, targetId, ct)).ToSaved(words);

    private static async Task<Results<Ok<IReadOnlyList<TaskListItem>>, ValidationProblem>> Serving(
        [CodeSet(typeof(TaskLinkKind))] string? kind, int? id, TaskLinks links, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        if (!Codes<TaskLinkKind>.TryParse(kind, out var k)) problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<TaskLinkKind>.All));
        if (id is null) problems.Add("id", ErrorCodes.Required);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await links.ServedByAsync(k, id!.Value, ct));
    }
}
