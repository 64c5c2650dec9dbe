using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Accounts;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        group.MapGet("/", List).WithSummary("Every account with its unit, roles, clearance and whether it is locked.");
        group.MapPost("/", Create)
            .WithSummary("Creates an account (role administrator/editor/viewer, clearance code up to the caller's own, initial password meeting the password rules).");
        group.MapGet("/{id}", Get).WithSummary("One account.");
        group.MapPut("/{id}", Update)
            .WithSummary("Changes an account's name, unit, role, clearance (up to the caller's own) and lock. Every change ends the account's sessions and tokens at once.");
        group.MapPost("/{id}/authenticator/reset", ResetAuthenticator)
            .WithSummary("Forgets the account's authenticator app and recovery codes (a lost phone), audited; the owner sets up a new one at the next sign-in. Ends the account's sessions.");
        return api;
    }

    private static async Task<Ok<ListResult<UserItem>>> List(UserQueries queries, CancellationToken ct)
    {
        var items = await queries.ListAsync(ct);
        return TypedResults.Ok(new ListResult<UserItem>(items, items.Count));
    }

    private static async Task<Results<Ok<UserItem>, NotFound>> Get(string id, UserQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Results<Ok<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>>> Update(
        string id, UpdateUserRequest request, UserWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.UpdateAsync(id, request, ct)).ToSaved(words);

    private static async Task<Results<Ok<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>>> ResetAuthenticator(
        string id, UserWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.ResetAuthenticatorAsync(id, ct)).ToSaved(words);

    private static async Task<Results<Created<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>>> Create(
        CreateUserRequest request, UserWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(request, ct)).ToCreated(words, u => $"/api/v1/users/{u.Id}");
}
