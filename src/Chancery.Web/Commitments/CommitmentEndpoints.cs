using Chancery.Web.Common.Audit;
using Chancery.Web.Commitments.Import;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Commitments;

public static class CommitmentEndpoints
{
    private const string Written = "Answers the commitment with its deliveries; 400 names every problem by its field, 409 carries the stored record.";

    public static RouteGroupBuilder MapCommitmentEndpoints(this RouteGroupBuilder api)
    {
        var commitments = api.MapGroup("/commitments").WithTags("Commitments");
        commitments.MapGet("/", List)
            .WithSummary("Commitments by pledge date (from, to), partner, sector, status, direction, unit, agreement, activity, due (overdue, 30, 90) and q; "
                + "sorted by sort (pledged, due, title, partner, sector, status, classification; a leading - for descending; default -pledged); paged.");
        commitments.MapGet("/{id:int}", Get);
        commitments.MapPost("/", Create).RequireAuthorization(Policies.Edit).WithSummary("Records a commitment. " + Written);
        commitments.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit)
            .WithSummary("Edits a commitment (send the version you read); a change of status follows the workflow. " + Written);
        commitments.MapPost("/{id:int}/status", ChangeStatus).RequireAuthorization(Policies.Edit)
            .WithSummary("Moves a commitment along open → in_progress → fulfilled | partially_fulfilled | lapsed (cancelled from any unfinished state); other moves answer 400 with the reason.");
        commitments.MapPost("/{id:int}/deliveries", AddDelivery).RequireAuthorization(Policies.Edit)
            .WithSummary("Records a delivery (date, amount in the commitment's unit, evidence, source); the first one moves an open commitment to in_progress. " + Written);
        commitments.MapDelete("/{id:int}/deliveries/{deliveryId:int}", RemoveDelivery).RequireAuthorization(Policies.Edit);
        commitments.MapPost("/import", ImportCommitments).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports commitments.csv (multipart 'file' or a text/csv or XLSX body). All-or-nothing, keyed by id; agreements, activities "
                + "and owner units by their file id or code (already stored); dryRun=true previews.");
        commitments.MapImportHelp<CommitmentImportDefinition, CommitmentRow>("commitments");
        commitments.MapGet("/export", ExportCommitments).AuditedExport("commitments")
            .WithSummary("The commitments the reader may see that match the list's filters, in the commitments.csv columns (format=csv or xlsx).");

        var deliveries = api.MapGroup("/deliveries").WithTags("Commitments");
        deliveries.MapPost("/import", ImportDeliveries).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports deliveries.csv. All-or-nothing, keyed by id; the commitment by its file id (already stored); dryRun=true previews.");
        deliveries.MapImportHelp<DeliveryImportDefinition, DeliveryRow>("deliveries");
        deliveries.MapGet("/export", ExportDeliveries).AuditedExport("deliveries")
            .WithSummary("The deliveries of the commitments the reader may see that match the commitment list's filters (the same parameters), "
                + "in the deliveries.csv columns (format=csv or xlsx).");

        var rates = api.MapGroup("/exchange-rates").WithTags("Commitments");
        rates.MapGet("/", Rates).WithSummary("USD per unit of each currency by year, the newest year first.");
        rates.MapPut("/", SaveRate).RequireAuthorization(Policies.Edit)
            .WithSummary("Enters the rate of a currency for a year (replacing the one entered before).");
        rates.MapDelete("/{year:int}/{currency}", RemoveRate).RequireAuthorization(Policies.Edit);
        rates.MapPost("/import", ImportRates).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports exchange_rates.csv (year, currency, usd_per_unit). All-or-nothing, keyed by year and currency; dryRun=true previews.");
        rates.MapImportHelp<ExchangeRateImportDefinition, ExchangeRateRow>("exchange-rates");
        rates.MapGet("/export", ExportRates).AuditedExport("exchange-rates").WithSummary("Every rate in the exchange_rates.csv columns (format=csv or xlsx).");
        return api;
    }

    private static async Task<Results<Ok<ListResult<CommitmentListItem>>, ValidationProblem>> List(
        [AsParameters] CommitmentFilter filter, CommitmentQueries queries, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        CommitmentQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<CommitmentDetail>, NotFound>> Get(int id, CommitmentQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<CommitmentDetail>, NotFound, ValidationProblem, ConflictProblem<CommitmentDetail>>> Create(
        CommitmentInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToCreated(words, d => $"/api/v1/commitments/{d.Id}");

    private static async Task<Results<Ok<CommitmentDetail>, NotFound, ValidationProblem, ConflictProblem<CommitmentDetail>>> Update(
        int id, CommitmentInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToSaved(words);

    private static async Task<Results<Ok<CommitmentDetail>, NotFound, ValidationProblem, ConflictProblem<CommitmentDetail>>> ChangeStatus(
        int id, CommitmentStatusInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.ChangeStatusAsync(id, input, ct)).ToSaved(words);

    private static async Task<Results<Created<CommitmentDetail>, NotFound, ValidationProblem, ConflictProblem<CommitmentDetail>>> AddDelivery(
        int id, DeliveryInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddDeliveryAsync(id, input, ct)).ToCreated(words, d => $"/api/v1/commitments/{d.Id}");

    private static async Task<Results<Ok<CommitmentDetail>, NotFound, ValidationProblem, ConflictProblem<CommitmentDetail>>> RemoveDelivery(
        int id, int deliveryId, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.RemoveDeliveryAsync(id, deliveryId, ct)).ToSaved(words);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportCommitments(
        HttpRequest request, CommitmentImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportDeliveries(
        HttpRequest request, DeliveryImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> ImportRates(
        HttpRequest request, ExchangeRateImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Results<TabularFileResult, ValidationProblem> ExportCommitments(
        [AsParameters] CommitmentFilter filter, [CodeSet(typeof(TabularFormat))] string? format, CommitmentQueries queries, ChanceryDbContext db,
        ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        var sort = string.IsNullOrWhiteSpace(filter.Sort) ? CommitmentExport.FileOrder : CommitmentQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        var rows = CommitmentExport.CommitmentsAsync(db, CommitmentQueries.Sorts.Apply(queries.Matching(filter), sort), ct);
        return TabularExport.File(file, "commitments", clock, CommitmentExport.CommitmentHeaders, rows);
    }

    private static Results<TabularFileResult, ValidationProblem> ExportDeliveries(
        [AsParameters] CommitmentFilter filter, [CodeSet(typeof(TabularFormat))] string? format, CommitmentQueries queries, ChanceryDbContext db,
        ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        filter.CheckCodes(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        return TabularExport.File(file, "deliveries", clock, CommitmentExport.DeliveryHeaders, CommitmentExport.DeliveriesAsync(db, queries.Matching(filter), ct));
    }

    private static Results<TabularFileResult, ValidationProblem> ExportRates(
        [CodeSet(typeof(TabularFormat))] string? format, ChanceryDbContext db, ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        if (TabularExport.Format(format, problems) is not { } file) return WriteResults.Invalid(problems, words);
        return TabularExport.File(file, "exchange-rates", clock, CommitmentExport.RateHeaders, CommitmentExport.RatesAsync(db, ct));
    }

    private static async Task<Ok<ListResult<ExchangeRateDto>>> Rates(CommitmentQueries queries, CancellationToken ct)
    {
        var rates = await queries.RatesAsync(ct);
        return TypedResults.Ok(new ListResult<ExchangeRateDto>(rates, rates.Count));
    }

    private static async Task<Results<Created<ExchangeRateDto>, NotFound, ValidationProblem, ConflictProblem<ExchangeRateDto>>> SaveRate(
        ExchangeRateInput input, ExchangeRateWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.SaveAsync(input, ct)).ToCreated(words, r => $"/api/v1/exchange-rates");

    private static async Task<Results<NoContent, NotFound>> RemoveRate(int year, string currency, ExchangeRateWriter writer, CancellationToken ct) =>
        await writer.RemoveAsync(year, currency, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
