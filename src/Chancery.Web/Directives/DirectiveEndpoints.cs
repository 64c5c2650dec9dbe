using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Writing;
using Chancery.Web.Directives.Importing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Directives;

public static class DirectiveEndpoints
{
    public static RouteGroupBuilder MapDirectiveEndpoints(this RouteGroupBuilder api)
    {
        var directives = api.MapGroup("/directives").WithTags("Directives");
        directives.MapGet("/", List).WithSummary("Directives the reader may see, newest first (q= searches number, issuer, title; classification= one level), with their task counts today.");
        directives.MapGet("/export", ExportDirectives)
            .WithSummary("The directives of the list's filters in the directives.csv columns (format=csv or xlsx); imports back unchanged.");
        directives.MapGet("/{id:int}", Get).WithSummary("A directive with its task tree, each task's derived status today and progress rolled up.");
        directives.MapPost("/", Create).RequireAuthorization(Policies.Edit)
            .WithSummary("Creates a directive with its tasks and sub-tasks (lead unit and coordinating units by code; no deadline = a standing task).");
        directives.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit)
            .WithSummary("Edits a directive's own fields; send the version you read (409 with the current values when stale).");
        directives.MapPost("/{id:int}/tasks", AddTask).RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a task (parentId: a sub-task) to a directive, led by the writer's unit or a unit below it.");
        directives.MapPost("/import", ImportDirectives).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports directives.csv (multipart 'file' or a text/csv body, or XLSX). All-or-nothing, keyed by id; dryRun=true previews.");
        directives.MapImportHelp<DirectiveImportDefinition, DirectiveImportRow>("directives");

        var tasks = api.MapGroup("/tasks").WithTags("Directives");
        tasks.MapGet("/", ListTasks).WithSummary("Tasks in a view: view=mine (the reader's unit and below), due_soon (days=7), overdue, or deadlines "
            + "(deadline in [from, to], default this year); status= keeps one derived status.");
        tasks.MapGet("/export", ExportTasks)
            .WithSummary("The tasks of the directives matching the directive filters (q, classification) in the tasks.csv columns (format=csv or xlsx).");
        tasks.MapGet("/{id:int}", GetTask).WithSummary("A task with its progress reports, sub-tasks, deadline history and derived status.");
        tasks.MapPut("/{id:int}", UpdateTask).RequireAuthorization(Policies.Edit)
            .WithSummary("Edits a task of the writer's unit (or below); a changed deadline is kept in the task's history. 409 when stale.");
        tasks.MapPost("/{id:int}/done", MarkDone).RequireAuthorization(Policies.Edit)
            .WithSummary("The lead unit marks the task done today (Vietnam's day); a recurring task's next occurrence is created once.");
        tasks.MapPost("/{id:int}/progress", AddProgress).RequireAuthorization(Policies.Edit)
            .WithSummary("Adds a progress report (date, percent 0-100, text, indicator value) by the current user; send the task's version.");
        tasks.MapPost("/import", ImportTasks).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports tasks.csv. All-or-nothing, keyed by id; a sub-task may come before its parent; dryRun=true previews.");
        tasks.MapImportHelp<TaskImportDefinition, TaskImportRow>("tasks");

        var progress = api.MapGroup("/task-progress").WithTags("Directives");
        progress.MapGet("/export", ExportProgress)
            .WithSummary("The progress reports on the tasks of the directives matching the directive filters, in the task_progress.csv columns (format=csv or xlsx).");
        progress.MapPost("/import", ImportProgress).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports task_progress.csv. All-or-nothing, keyed by (task_id, date, author); dryRun=true previews.");
        progress.MapImportHelp<ProgressImportDefinition, ProgressImportRow>("task-progress");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<DirectiveListItem>>, ValidationProblem>> List(
        [AsParameters] DirectiveFilter filter, DirectiveQueries queries, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        var level = filter.Check(problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, level, ct));
    }

    /// <summary>One export door for the three files: the directive filters and the format, checked strictly.</summary>
    private static Results<TabularFileResult, ValidationProblem> Export(DirectiveFilter filter, string? format, ErrorWords words, TimeProvider clock,
        string name, IReadOnlyList<string> headers, Func<IQueryable<Directive>, IAsyncEnumerable<IReadOnlyList<string?>>> rows,
        Data.ChanceryDbContext db)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        var level = filter.Check(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        return TabularExport.File(file, name, clock, headers, rows(DirectiveExport.Directives(db, filter, level)));
    }

    private static Results<TabularFileResult, ValidationProblem> ExportDirectives([AsParameters] DirectiveFilter filter,
        [CodeSet(typeof(TabularFormat))] string? format, Data.ChanceryDbContext db, ErrorWords words, TimeProvider clock, CancellationToken ct) =>
        Export(filter, format, words, clock, "directives", DirectiveExport.DirectiveHeaders, d => DirectiveExport.DirectiveRowsAsync(d, ct), db);

    private static Results<TabularFileResult, ValidationProblem> ExportTasks([AsParameters] DirectiveFilter filter,
        [CodeSet(typeof(TabularFormat))] string? format, Data.ChanceryDbContext db, ErrorWords words, TimeProvider clock, CancellationToken ct) =>
        Export(filter, format, words, clock, "tasks", DirectiveExport.TaskHeaders, d => DirectiveExport.TaskRowsAsync(db, d, ct), db);

    private static Results<TabularFileResult, ValidationProblem> ExportProgress([AsParameters] DirectiveFilter filter,
        [CodeSet(typeof(TabularFormat))] string? format, Data.ChanceryDbContext db, ErrorWords words, TimeProvider clock, CancellationToken ct) =>
        Export(filter, format, words, clock, "task_progress", DirectiveExport.ProgressHeaders, d => DirectiveExport.ProgressRowsAsync(db, d, ct), db);

    private static async Task<Results<Ok<DirectiveDetail>, NotFound>> Get(int id, DirectiveQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Created<DirectiveDetail>, NotFound, ValidationProblem, ConflictProblem<DirectiveDetail>>> Create(
        DirectiveRequest request, DirectiveWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(request, ct)).ToCreated(words, d => $"/api/v1/directives/{d.Id}");

    private static async Task<Results<Ok<DirectiveDetail>, NotFound, ValidationProblem, ConflictProblem<DirectiveDetail>>> Update(
        int id, DirectiveRequest request, DirectiveWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, request, ct)).ToSaved(words);

    private static async Task<Results<Created<TaskDetail>, NotFound, ValidationProblem, ConflictProblem<TaskDetail>>> AddTask(
        int id, TaskRequest request, TaskWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddAsync(id, request, ct)).ToCreated(words, t => $"/api/v1/tasks/{t.Id}");

    private static async Task<Results<Ok<IReadOnlyList<TaskListItem>>, ValidationProblem>> ListTasks(
        [AsParameters] TaskListFilter filter, DirectiveQueries queries, Common.Classification.ICurrentUser user, TimeProvider clock, ErrorWords words,
        CancellationToken ct)
    {
        const int limit = 500;
        var problems = new Problems();
        if (filter.Check(clock.Today(), problems) is not { } q) return WriteResults.Invalid(problems, words);
        IReadOnlyList<TaskListItem> tasks = q.View switch
        {
            TaskView.DueSoon => await queries.DueSoonAsync(filter.Days ?? 7, limit, ct),
            TaskView.Overdue => await queries.OverdueAsync(limit, ct),
            TaskView.Deadlines => await queries.DeadlinesAsync(q.From, q.To, null, limit, ct),
            _ => user.UnitId is { } unit ? await queries.UnitTasksAsync(unit, limit, ct) : [],
        };
        if (q.Status is { } status) tasks = tasks.Where(t => t.Status == Codes<TaskState>.ToCode(status)).ToList();
        return TypedResults.Ok(tasks);
    }

    private static async Task<Results<Ok<TaskDetail>, NotFound>> GetTask(int id, DirectiveQueries queries, CancellationToken ct) =>
        await queries.GetTaskAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    private static async Task<Results<Ok<TaskDetail>, NotFound, ValidationProblem, ConflictProblem<TaskDetail>>> UpdateTask(
        int id, TaskRequest request, TaskWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, request, ct)).ToSaved(words);

    private static async Task<Results<Ok<TaskDetail>, NotFound, ValidationProblem, ConflictProblem<TaskDetail>>> MarkDone(
        int id, DoneRequest request, TaskWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.MarkDoneAsync(id, request, ct)).ToSaved(words);

    private static async Task<Results<Created<ProgressSaved>, NotFound, ValidationProblem, ConflictProblem<ProgressSaved>>> AddProgress(
        int id, ProgressRequest request, TaskWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddProgressAsync(id, request, ct)).ToCreated(words, p => $"/api/v1/tasks/{p.TaskId}");

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportDirectives(
        HttpRequest request, DirectiveImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportTasks(
        HttpRequest request, TaskImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportProgress(
        HttpRequest request, ProgressImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);
}
