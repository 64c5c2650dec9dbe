using Chancery.Web.Common.Api;
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

        var rates = api.MapGroup("/exchange-rates").WithTags("Commitments");
        rates.MapGet("/", Rates).WithSummary("USD per unit of each currency by year, the newest year first.");
        rates.MapPut("/", SaveRate).RequireAuthorization(Policies.Edit)
            .WithSummary("Enters the rate of a currency for a year (replacing the one entered before).");
        rates.MapDelete("/{year:int}/{currency}", RemoveRate).RequireAuthorization(Policies.Edit);
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

    private static async Task<Results<Ok<CommitmentDetail>, Created<CommitmentDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Create(
        CommitmentInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToHttp(words, d => $"/api/v1/commitments/{d.Id}");

    private static async Task<Results<Ok<CommitmentDetail>, Created<CommitmentDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, CommitmentInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToHttp(words);

    private static async Task<Results<Ok<CommitmentDetail>, Created<CommitmentDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        int id, CommitmentStatusInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.ChangeStatusAsync(id, input, ct)).ToHttp(words);

    private static async Task<Results<Ok<CommitmentDetail>, Created<CommitmentDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AddDelivery(
        int id, DeliveryInput input, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.AddDeliveryAsync(id, input, ct)).ToHttp(words, d => $"/api/v1/commitments/{d.Id}");

    private static async Task<Results<Ok<CommitmentDetail>, Created<CommitmentDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> RemoveDelivery(
        int id, int deliveryId, CommitmentWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.RemoveDeliveryAsync(id, deliveryId, ct)).ToHttp(words);

    private static async Task<Ok<ListResult<ExchangeRateDto>>> Rates(CommitmentQueries queries, CancellationToken ct)
    {
        var rates = await queries.RatesAsync(ct);
        return TypedResults.Ok(new ListResult<ExchangeRateDto>(rates, rates.Count));
    }

    private static async Task<Results<Ok<ExchangeRateDto>, Created<ExchangeRateDto>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> SaveRate(
        ExchangeRateInput input, ExchangeRateWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.SaveAsync(input, ct)).ToHttp(words, r => $"/api/v1/exchange-rates");

    private static async Task<Results<NoContent, NotFound>> RemoveRate(int year, string currency, ExchangeRateWriter writer, CancellationToken ct) =>
        await writer.RemoveAsync(year, currency, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
