using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Accounts;

/// <summary>/api/v1/tokens: a signed-in user's personal access tokens (a token itself may not manage
/// tokens: <see cref="Common.Security.Tokens.TokenScopeCheck"/>).</summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", List).WithSummary("The caller's personal access tokens, newest first (never their secrets).");
        tokens.MapGet("/all", ListAll).RequireAuthorization(Policies.Administer)
            .WithSummary("Every account's personal access tokens, newest first (administrators).");
        tokens.MapPost("/", Create)
            .WithSummary("Creates a personal access token for the caller (name, scope read/read_write/calendar, 1 to 365 days); "
                + "the answer holds the secret (token) this once: only its hash is stored.");
        tokens.MapDelete("/{id:int}", Revoke)
            .WithSummary("Revokes a token at once on every instance (the caller's own; an administrator's, anyone's).");
        return api;
    }

    private static async Task<Ok<ListResult<TokenItem>>> List(TokenQueries queries, ICurrentUser user, CancellationToken ct)
    {
        var items = await queries.ListAsync(user.UserId ?? "", ct);
        return TypedResults.Ok(new ListResult<TokenItem>(items, items.Count));
    }

    private static async Task<Ok<ListResult<TokenItem>>> ListAll(TokenQueries queries, CancellationToken ct)
    {
        var items = await queries.ListAsync(null, ct);
        return TypedResults.Ok(new ListResult<TokenItem>(items, items.Count));
    }

    private static async Task<Results<Created<TokenCreated>, ValidationProblem>> Create(
        CreateTokenRequest request, TokenWriter writer, ErrorWords words, CancellationToken ct)
    {
        var outcome = await writer.CreateAsync(request, ct);
        return outcome.Succeeded ? TypedResults.Created("/api/v1/tokens", outcome.Value!) : WriteResults.Invalid(outcome.Problems ?? new Problems(), words);
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(int id, TokenWriter writer, CancellationToken ct) =>
        (await writer.RevokeAsync(id, ct)).Succeeded ? TypedResults.NoContent() : TypedResults.NotFound();
}
