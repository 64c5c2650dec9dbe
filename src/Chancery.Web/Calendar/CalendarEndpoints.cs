using Chancery.Web.Common.Time;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Calendar;

public static class CalendarEndpoints
{
    public const string IcsContentType = "text/calendar; charset=utf-8";

    /// <summary>GET /calendar/feed/{token}.ics — anonymous (calendar clients cannot sign in); the token is the credential.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/feed/{token}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapPost("/token", Rotate)
            .WithSummary("Creates a new calendar-feed address for the signed-in user (the old one stops working) and returns it.");
        return api;
    }

    public sealed record FeedAddress(string Url);

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(
        string token, HttpContext context, CalendarTokens tokens, SignInManager<ChanceryUser> signIn,
        CalendarQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var user = await tokens.FindAsync(token, ct);
        if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user)) return TypedResults.NotFound();

        // Run the rest of the request as the token's owner, so the DbContext's single classification
        // filter decides what the feed holds, exactly as it does for that user's pages.
        context.User = await signIn.CreateUserPrincipalAsync(user);

        var today = clock.Today();
        var (first, last) = CalendarFeed.Window(today);
        var entries = await queries.BetweenAsync(first, last, new CalendarFilter(Status: CalendarFilter.AllStatuses), ct);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var ics = CalendarFeed.Write(entries, baseUrl, "Chancery – " + (string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName));
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(ics, IcsContentType);
    }

    private static async Task<Results<Ok<FeedAddress>, UnauthorizedHttpResult>> Rotate(
        HttpContext context, UserManager<ChanceryUser> users, CalendarTokens tokens)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null) return TypedResults.Unauthorized();
        var token = await tokens.RotateAsync(user);
        return TypedResults.Ok(new FeedAddress(CalendarTokens.FeedUrl(context.Request, token)));
    }
}
