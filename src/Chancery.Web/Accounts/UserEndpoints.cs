using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Accounts;

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.ManageAccounts);
        group.MapGet("/", List).WithSummary("The accounts the caller manages (an administrator every one; a unit manager the officers and viewers of their unit subtree) with unit, roles, clearance and lock.");
        group.MapPost("/", Create)
            .WithSummary("Creates an account: a role the caller may grant (an administrator any; a unit manager officer or viewer, in a unit of their subtree), a clearance up to the caller's own, an initial password meeting the password rules.");
        group.MapGet("/{id}", Get).WithSummary("One account the caller manages (403 for another).");
        group.MapPut("/{id}", Update)
            .WithSummary("Changes an account the caller manages (403 for another): name, unit, role and clearance (nothing above what the caller may grant) and lock. Every change ends the account's sessions and tokens at once.");
        group.MapPost("/{id}/authenticator/reset", ResetAuthenticator)
            .WithSummary("Forgets the account's authenticator app and recovery codes (a lost phone), audited; the owner sets up a new one at the next sign-in. Ends the account's sessions. 403 for an account the caller does not manage. For an account that must use an authenticator, the answer carries a new one-time enrolmentCode (shown this once) and its expiry.");
        group.MapPost("/{id}/enrolment-code", IssueEnrolmentCode)
            .WithSummary("Issues a new one-time enrolment code (the old one stops working) for an account that must set up an authenticator and has none; answered once in enrolmentCode with enrolmentCodeExpires, stored only as a hash, audited without the code. 400 for an account that needs none, 403 for one the caller does not manage.");
        return api;
    }

    private static async Task<Ok<ListResult<UserItem>>> List(UserQueries queries, CancellationToken ct)
    {
        var items = await queries.ListAsync(ct);
        return TypedResults.Ok(new ListResult<UserItem>(items, items.Count));
    }

    private static async Task<Results<Ok<UserItem>, NotFound, ProblemHttpResult>> Get(
        string id, UserQueries queries, AccountScope scope, ErrorWords words, CancellationToken ct)
    {
        if (await RefusedAsync(id, scope, words, ct) is { } refused) return refused;
        return await queries.GetAsync(id, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>, ProblemHttpResult>> Update(
        string id, UpdateUserRequest request, UserWriter writer, AccountScope scope, ErrorWords words, CancellationToken ct)
    {
        if (await RefusedAsync(id, scope, words, ct) is { } refused) return refused;
        return (await writer.UpdateAsync(id, request, ct)).ToSaved(words).Result switch
        {
            Ok<UserItem> ok => ok,
            NotFound notFound => notFound,
            ValidationProblem invalid => invalid,
            ConflictProblem<UserItem> conflict => conflict,
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}"),
        };
    }

    /// <summary>403 for an account that exists but is not the caller's to manage (404 stays 404).</summary>
    private static async Task<ProblemHttpResult?> RefusedAsync(string id, AccountScope scope, ErrorWords words, CancellationToken ct) =>
        await scope.ExistsAsync(id, ct) && !await scope.MayManageAsync(id, ct)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: words.Word("AccountNotYours", []))
            : null;

    private static async Task<Results<Ok<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>, ProblemHttpResult>> ResetAuthenticator(
        string id, UserWriter writer, AccountScope scope, ErrorWords words, CancellationToken ct)
    {
        if (await RefusedAsync(id, scope, words, ct) is { } refused) return refused;
        return (await writer.ResetAuthenticatorAsync(id, ct)).ToSaved(words).Result switch
        {
            Ok<UserItem> ok => ok,
            NotFound notFound => notFound,
            ValidationProblem invalid => invalid,
            ConflictProblem<UserItem> conflict => conflict,
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}"),
        };
    }

    private static async Task<Results<Ok<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>, ProblemHttpResult>> IssueEnrolmentCode(
        string id, UserWriter writer, AccountScope scope, ErrorWords words, CancellationToken ct)
    {
        if (await RefusedAsync(id, scope, words, ct) is { } refused) return refused;
        return (await writer.IssueEnrolmentCodeAsync(id, ct)).ToSaved(words).Result switch
        {
            Ok<UserItem> ok => ok,
            NotFound notFound => notFound,
            ValidationProblem invalid => invalid,
            ConflictProblem<UserItem> conflict => conflict,
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}"),
        };
    }

    private static async Task<Results<Created<UserItem>, NotFound, ValidationProblem, ConflictProblem<UserItem>>> Create(
        CreateUserRequest request, UserWriter writer, ErrorWords words, CancellationToken ct) =>
        (await writer.CreateAsync(request, ct)).ToCreated(words, u => $"/api/v1/users/{u.Id}");
}
