using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

public static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities");
        activities.MapGet("/", List)
            .WithSummary("Activities by start date (from, to), kind, leader (person id or name), partner (ISO3), channel, status, theme, unit and q; "
                + "sorted by sort (date, kind, title, leader, status, classification; a leading - for descending; default -date); paged (page, pageSize).");
        activities.MapGet("/{id:int}", Get);
        activities.MapPost("/", Create).RequireAuthorization(Policies.Edit);
        activities.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit);
        activities.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Edit)
            .WithSummary("Moves an activity to the bin (an administrator can restore it); with ?version=, only if unchanged since (else 409).");
        activities.MapPost("/import", Import).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports activities.csv (multipart 'file' or a text/csv body). All-or-nothing, keyed by id; dryRun=true previews.");
        activities.MapImportHelp<ActivityImportDefinition, ActivityRow>("activities");
        activities.MapGet("/export", Export).AuditedExport("activities")
            .WithSummary("The activities the reader may see that match the list's filters (the same parameters), in the activities.csv columns "
                + "(format=csv or xlsx), by start date unless sort says otherwise; written as it is read.");
        return api;
    }

    private static async Task<Results<Ok<ListResult<ActivityListItem>>, ValidationProblem>> List(
        [AsParameters] ActivityFilter filter, ActivityQueries queries, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        ActivityQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<ActivityDetail>, NotFound>> Get(int id, ActivityQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<ActivityDetail>, NotFound, ValidationProblem, ConflictProblem<ActivityDetail>>> Create(
        ActivityInput input, ActivityWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToCreated(words, detail => $"/api/v1/activities/{detail.Id}");

    private static async Task<Results<Ok<ActivityDetail>, NotFound, ValidationProblem, ConflictProblem<ActivityDetail>>> Update(
        int id, ActivityInput input, ActivityWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToSaved(words);

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ConflictProblem<ActivityDetail>>> Delete(
        int id, int? version, ActivityWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.DeleteAsync(id, version, ct)).ToNoContent(words);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> Import(
        HttpRequest request, ActivityImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Results<TabularFileResult, ValidationProblem> Export(
        [AsParameters] ActivityFilter filter, string? format, ActivityQueries queries, ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        var sort = string.IsNullOrWhiteSpace(filter.Sort) ? ActivityExport.FileOrder : ActivityQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        var activities = ActivityQueries.Sorts.Apply(queries.Matching(filter), sort);
        return TabularExport.File(file, "activities", clock, ActivityExport.Headers, ActivityExport.RowsAsync(activities, ct));
    }
}
