using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Agreements;

public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapGet("/", List)
            .WithSummary("Agreements by type, status, partner (code), year of signature, unit, channel, theme and q; "
                + "sorted by sort (date, type, title, status, classification; a leading - for descending; default -date); paged (page, pageSize).");
        agreements.MapGet("/{id:int}", Get);
        agreements.MapPost("/import", Import).RequireAuthorization(Policies.Edit).AcceptsImportFile()
            .WithSummary("Imports agreements.csv (multipart 'file', a text/csv body or an XLSX workbook). All-or-nothing, keyed by id; dryRun=true previews.");
        agreements.MapImportHelp<AgreementImportDefinition, AgreementRow>("agreements");
        agreements.MapGet("/export", Export).AuditedExport("agreements")
            .WithSummary("The agreements the reader may see that match the list's filters (the same parameters), in the agreements.csv columns (format=csv or xlsx).");
        agreements.MapPost("/", Create).RequireAuthorization(Policies.Edit);
        agreements.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit);
        agreements.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Edit)
            .WithSummary("Moves an agreement to the bin (an administrator can restore it); with ?version=, only if unchanged since (else 409). "
                + "Its commitments stay, without their agreement while it is in the bin.");
        agreements.MapPost("/{id:int}/actions", AddAction).RequireAuthorization(Policies.Edit)
            .WithSummary("Records a treaty action (signature, ratification, acceptance, approval, accession, entry_into_force, registration with its number, "
                + "withdrawal_of_ratification, withdrawal, termination); answers the agreement with its status as the actions give it.");
        agreements.MapDelete("/{id:int}/actions/{actionId:int}", RemoveAction).RequireAuthorization(Policies.Edit);
        agreements.MapGet("/packages/{activityId:int}", Package)
            .WithSummary("The package of documents signed during an activity: the count announced and how many agreements have been entered.");
        agreements.MapPut("/packages/{activityId:int}", SetPackage).RequireAuthorization(Policies.Edit)
            .WithSummary("Sets the count of documents announced as signed during the activity (announcedCount null removes it).");
        return api;
    }

    private static async Task<Results<Ok<ListResult<AgreementListItem>>, ValidationProblem>> List(
        [AsParameters] AgreementFilter filter, AgreementQueries queries, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        AgreementQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    private static Task<Results<Ok<ImportOutcome>, UnprocessableEntity<ImportOutcome>, ProblemHttpResult>> Import(
        HttpRequest request, AgreementImportDefinition definition, ImportPipeline pipeline, bool? dryRun, CancellationToken ct) =>
        ImportHttp.RunAsync(request, definition, pipeline, dryRun ?? false, ct);

    private static Results<TabularFileResult, ValidationProblem> Export(
        [AsParameters] AgreementFilter filter, [CodeSet(typeof(TabularFormat))] string? format, AgreementQueries queries, ChanceryDbContext db, ErrorWords words, TimeProvider clock, CancellationToken ct)
    {
        var problems = new Problems();
        var kind = TabularExport.Format(format, problems);
        var sort = AgreementQueries.Sorts.Check(filter.Sort, problems);
        filter.CheckCodes(problems);
        if (kind is not { } file || problems.Any) return WriteResults.Invalid(problems, words);
        var agreements = AgreementQueries.Sorts.Apply(queries.Matching(filter), sort);
        return TabularExport.File(file, "agreements", clock, AgreementExport.Headers, AgreementExport.RowsAsync(db, agreements, clock.Today(), ct));
    }

    private static async Task<Results<Ok<AgreementDetail>, NotFound>> Get(int id, AgreementQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<AgreementDetail>, NotFound, ValidationProblem, ConflictProblem<AgreementDetail>>> Create(
        AgreementInput input, AgreementWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToCreated(words, detail => $"/api/v1/agreements/{detail.Id}");

    private static async Task<Results<Ok<AgreementDetail>, NotFound, ValidationProblem, ConflictProblem<AgreementDetail>>> Update(
        int id, AgreementInput input, AgreementWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToSaved(words);

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ConflictProblem<AgreementDetail>>> Delete(
        int id, int? version, AgreementWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.DeleteAsync(id, version, ct)).ToNoContent(words);

    private static async Task<Results<Ok<PackageState>, NotFound>> Package(int activityId, SigningPackages packages, CancellationToken ct) =>
        await packages.StateAsync(activityId, ct) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound();

    private static async Task<Results<Ok<PackageState>, NotFound, ValidationProblem>> SetPackage(
        int activityId, PackageInput input, SigningPackages packages, ErrorWords words, CancellationToken ct)
    {
        var (state, problems) = await packages.SetAsync(activityId, input, ct);
        if (problems is not null) return WriteResults.Invalid(problems, words);
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(state);
    }

    private static async Task<Results<Created<AgreementDetail>, NotFound, ValidationProblem, ConflictProblem<AgreementDetail>>> AddAction(
        int id, TreatyActionInput input, TreatyActionWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddAsync(id, input, ct)).ToCreated(words, _ => $"/api/v1/agreements/{id}");

    private static async Task<Results<Ok<AgreementDetail>, NotFound, ValidationProblem, ConflictProblem<AgreementDetail>>> RemoveAction(
        int id, int actionId, TreatyActionWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.RemoveAsync(id, actionId, ct)).ToSaved(words);
}
