using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Partners.Editing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Web.Partners;

public static class PartnerEndpoints
{
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder api)
    {
        // Validation is PartnerWriter's (shared with the pages), so the automatic one is off here.
        var partners = api.MapGroup("/partners").WithTags("Partners").DisableValidation();
        partners.MapGet("/", List)
            .WithSummary("Partners with their level on a day (asOf, default today); filter by level, region, kind and flags; q ignores diacritics; "
                + "sort by name, code, region, level or since (a leading - for descending); paged (page, pageSize).");
        partners.MapGet("/{code}", Get).WithSummary("One partner with its current level and its framework events, oldest first.");
        partners.MapPost("/", Create).RequireAuthorization(Policies.Edit).WithSummary("Creates a partner.");
        partners.MapPut("/{code}", Update).RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a partner (not its code). Send the version you read; a stale one answers 409 with the current record.");
        partners.MapPost("/{code}/events", CreateEvent).RequireAuthorization(Policies.Edit).WithSummary("Adds a framework event.");
        partners.MapPut("/{code}/events/{id:int}", UpdateEvent).RequireAuthorization(Policies.Edit)
            .WithSummary("Changes a framework event; a stale version answers 409.");
        partners.MapDelete("/{code}/events/{id:int}", DeleteEvent).RequireAuthorization(Policies.Edit)
            .WithSummary("Deletes a framework event; with ?version=, only if unchanged since.");

        var partnerships = api.MapGroup("/partnerships").WithTags("Partners");
        partnerships.MapPost("/import", Import).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports framework events (partnerships.csv format) as multipart 'file' or a text/csv body. All-or-nothing; dryRun=true previews.");
        partnerships.MapImportHelp<PartnershipImportDefinition, PartnershipRow>("partnerships");
        partnerships.MapGet("/export", Export).AuditedExport("partnerships")
            .WithSummary("The framework events the caller may see, as CSV (default) or XLSX, in the import format; "
                + "with the partner list's filters (q, level, asOf, region, kind, flags), only the events of the partners the list shows.");
        return api;
    }

    private static async Task<Results<Ok<ListResult<PartnerListItem>>, ValidationProblem>> List(
        [AsParameters] PartnerFilter filter, PartnerQueries queries, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        PartnerQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<PartnerDetail>, NotFound>> Get(string code, PartnerQueries queries, CancellationToken ct) =>
        await queries.GetAsync(code, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<PartnerDetail>, NotFound, ValidationProblem, ConflictProblem<PartnerDetail>>> Create(
        PartnerInput input, PartnerWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToCreated(words, PartnerLocation);

    private static async Task<Results<Ok<PartnerDetail>, NotFound, ValidationProblem, ConflictProblem<PartnerDetail>>> Update(
        string code, PartnerInput input, PartnerWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(code, input, ct)).ToSaved(words);

    private static async Task<Results<Created<FrameworkEventDetail>, NotFound, ValidationProblem, ConflictProblem<FrameworkEventDetail>>> CreateEvent(
        string code, FrameworkEventInput input, PartnerWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateEventAsync(code, input, ct)).ToCreated(words, e => $"{PartnerLocation(PartnerQueries.Normalize(code))}/events/{e.Id}");

    private static async Task<Results<Ok<FrameworkEventDetail>, NotFound, ValidationProblem, ConflictProblem<FrameworkEventDetail>>> UpdateEvent(
        string code, int id, FrameworkEventInput input, PartnerWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateEventAsync(code, id, input, ct)).ToSaved(words);

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ConflictProblem<FrameworkEventDetail>>> DeleteEvent(
        string code, int id, int? version, PartnerWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.DeleteEventAsync(code, id, version, ct)).ToNoContent(words);

    private static string PartnerLocation(PartnerDetail partner) => PartnerLocation(partner.Code);

    private static string PartnerLocation(string code) => $"/api/v1/partners/{code}";

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> Import(
        HttpRequest request, PartnershipImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static async Task<Results<TabularFileResult, ValidationProblem>> Export(
        [AsParameters] PartnerFilter filter, string? format, PartnerQueries queries, ChanceryDbContext db, ErrorWords words, TimeProvider clock,
        CancellationToken ct)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        PartnerQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        var partners = filter.IsFiltered ? await queries.MatchingIdsAsync(filter, ct) : null;
        return TabularExport.File(file, "partnerships", clock, PartnershipExport.Headers, PartnershipExport.RowsAsync(db, partners, ct));
    }
}
