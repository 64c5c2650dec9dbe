using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
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
        // Validation is PartnerEditor's (shared with the pages), so the automatic one is off here.
        var partners = api.MapGroup("/partners").WithTags("Partners").DisableValidation();
        partners.MapGet("/", List)
            .WithSummary("Partners with their level on a day (asOf, default today); filter by level, region, kind and flags; q ignores diacritics.");
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
        partnerships.MapPost("/import", Import).RequireAuthorization(Policies.Edit).DisableAntiforgery()
            .WithSummary("Imports framework events (partnerships.csv format) as multipart 'file' or a text/csv body. All-or-nothing; dryRun=true previews.");
        partnerships.MapGet("/export", Export)
            .WithSummary("The framework events the caller may see, as CSV (default) or XLSX, in the import format.");
        return api;
    }

    private static async Task<Ok<ListResult<PartnerListItem>>> List(
        [AsParameters] PartnerFilter filter, ChanceryDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await PartnerQueries.ListAsync(db, filter, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct));

    private static async Task<Results<Ok<PartnerDetail>, NotFound>> Get(string code, PartnerEditor editor, CancellationToken ct) =>
        await editor.GetAsync(code, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<PartnerDetail>, ValidationProblem>> Create(
        PartnerInput input, PartnerEditor editor, CancellationToken ct)
    {
        var outcome = await editor.CreateAsync(input, ct);
        if (outcome.Status == EditStatus.Invalid) return Invalid(outcome.Errors!);
        return TypedResults.Created($"/api/v1/partners/{outcome.Value!.Code}", outcome.Value);
    }

    private static async Task<Results<Ok<PartnerDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        string code, PartnerInput input, PartnerEditor editor, CancellationToken ct)
    {
        var outcome = await editor.UpdateAsync(code, input, ct);
        return outcome.Status switch
        {
            EditStatus.Saved => TypedResults.Ok(outcome.Value!),
            EditStatus.Invalid => Invalid(outcome.Errors!),
            EditStatus.Conflict when outcome.Current is { } current => ConcurrencyConflict.Problem(current, current.Version),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Created<FrameworkEventDetail>, NotFound, ValidationProblem>> CreateEvent(
        string code, FrameworkEventInput input, PartnerEditor editor, CancellationToken ct)
    {
        var outcome = await editor.CreateEventAsync(code, input, ct);
        return outcome.Status switch
        {
            EditStatus.Saved => TypedResults.Created($"/api/v1/partners/{PartnerEditor.Normalize(code)}/events/{outcome.Value!.Id}", outcome.Value),
            EditStatus.Invalid => Invalid(outcome.Errors!),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<FrameworkEventDetail>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateEvent(
        string code, int id, FrameworkEventInput input, PartnerEditor editor, CancellationToken ct)
    {
        var outcome = await editor.UpdateEventAsync(code, id, input, ct);
        return outcome.Status switch
        {
            EditStatus.Saved => TypedResults.Ok(outcome.Value!),
            EditStatus.Invalid => Invalid(outcome.Errors!),
            EditStatus.Conflict when outcome.Current is { } current => ConcurrencyConflict.Problem(current, current.Version),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteEvent(
        string code, int id, int? version, PartnerEditor editor, CancellationToken ct)
    {
        var outcome = await editor.DeleteEventAsync(code, id, version, ct);
        return outcome.Status switch
        {
            EditStatus.Saved => TypedResults.NoContent(),
            EditStatus.Conflict when outcome.Current is { } current => ConcurrencyConflict.Problem(current, current.Version),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>Field names in errors follow the JSON body (camelCase), so a client can point at the input.</summary>
    private static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value));

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> Import(
        HttpRequest request, PartnershipImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static async Task<Results<FileContentHttpResult, BadRequest<ProblemDetails>>> Export(
        string? format, ChanceryDbContext db, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.IsNullOrEmpty(format) && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.BadRequest(new ProblemDetails { Title = "Unknown format", Detail = "format is csv or xlsx.", Status = 400 });
        var (headers, rows) = await PartnershipExport.RowsAsync(db, ct);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return xlsx
            ? TypedResults.File(TabularFileWriter.Xlsx("partnerships", headers, rows), TabularFileWriter.XlsxContentType, $"partnerships-{stamp}.xlsx")
            : TypedResults.File(TabularFileWriter.Csv(headers, rows), TabularFileWriter.CsvContentType, $"partnerships-{stamp}.csv");
    }
}
