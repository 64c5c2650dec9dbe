using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Web.Home;

/// <summary>The follow button's form (person page, home page): the person, whether to follow or stop,
/// and the page to return to.</summary>
public sealed record FollowForm(int PersonId, bool Follow, string? ReturnUrl);

public static class FollowingEndpoints
{
    public const string FormPath = "/following";

    /// <summary>The API: the reader's leaders (those followed, or the default), follow and unfollow.</summary>
    public static RouteGroupBuilder MapFollowingEndpoints(this RouteGroupBuilder api)
    {
        var following = api.MapGroup("/me/following").WithTags("Home");
        following.MapGet("/", List).WithSummary("The leaders on the reader's home page: those followed (chosen: true) or, when none, today's tier-1 leaders (chosen: false).");
        following.MapPut("/{personId:int}", Follow).WithSummary("Follows a person (idempotent).");
        following.MapDelete("/{personId:int}", Unfollow).WithSummary("Stops following a person (idempotent).");
        return api;
    }

    /// <summary>The pages' form: a POST with the page's antiforgery token (checked because the handler
    /// reads a form), answered with a redirect back to the page.</summary>
    public static IEndpointRouteBuilder MapFollowForm(this IEndpointRouteBuilder app)
    {
        app.MapPost(FormPath, Submit).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<ReaderLeaders>> List(FollowingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.LeadersAsync(ct));

    private static async Task<Results<Ok<FollowState>, NotFound, ValidationProblem, ConflictProblem<FollowState>>> Follow(
        int personId, FollowingWriter writer, ErrorWords words, CancellationToken ct) => (await writer.FollowAsync(personId, ct)).ToSaved(words);

    private static async Task<Results<Ok<FollowState>, NotFound, ValidationProblem, ConflictProblem<FollowState>>> Unfollow(
        int personId, FollowingWriter writer, ErrorWords words, CancellationToken ct) => (await writer.UnfollowAsync(personId, ct)).ToSaved(words);

    private static async Task<Results<RedirectHttpResult, NotFound>> Submit([FromForm] FollowForm form, FollowingWriter writer, CancellationToken ct)
    {
        var outcome = form.Follow ? await writer.FollowAsync(form.PersonId, ct) : await writer.UnfollowAsync(form.PersonId, ct);
        if (!outcome.Succeeded) return TypedResults.NotFound();
        var back = form.ReturnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : $"/people/{form.PersonId}";
        return TypedResults.LocalRedirect(back);
    }
}
