using Chancery.Web.Common.Api;
using Chancery.Web.Common.Security;
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
        agreements.MapPost("/", Create).RequireAuthorization(Policies.Edit);
        agreements.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit);
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

    private static async Task<Results<Ok<AgreementDetail>, NotFound>> Get(int id, AgreementQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgreementDetail>, Created<AgreementDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Create(
        AgreementInput input, AgreementWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(input, ct)).ToHttp(words, detail => $"/api/v1/agreements/{detail.Id}");

    private static async Task<Results<Ok<AgreementDetail>, Created<AgreementDetail>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, AgreementInput input, AgreementWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, input, ct)).ToHttp(words);
}
