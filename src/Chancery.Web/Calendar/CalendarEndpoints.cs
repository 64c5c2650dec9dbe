using Chancery.Web.Common.Audit;
using Chancery.Web.Activities;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Calendar;

public static class CalendarEndpoints
{
    public const string IcsContentType = "text/calendar; charset=utf-8";

    /// <summary>GET /calendar/feed/{token}.ics[?culture=en] — anonymous (calendar clients cannot sign in); the token
    /// is the credential; the events are worded in the address's language, Vietnamese by default.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/feed/{token}.ics", Feed).AuditedExport("calendar-feed", Common.Audit.AuditAction.FeedRead).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter<Common.Api.ConditionalRequests>();
        return app;
    }

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapPost("/token", Rotate)
            .WithSummary("Creates a new calendar-feed address for the signed-in user and returns it, this once (it carries a token of scope "
                + "calendar, stored only as a hash; the user's earlier feed addresses stop working). culture=en words the feed in English.");
        return api;
    }

    public sealed record FeedAddress(string Url);

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(
        string token, string? culture, HttpContext context, CalendarTokens tokens, SignInManager<ChanceryUser> signIn,
        CalendarQueries queries, IStringLocalizer<CalendarText> calendarWords, IStringLocalizer<ActivitiesText> activityWords,
        TimeProvider clock, IConfiguration configuration, CancellationToken ct)
    {
        // The subscriber chose the language when copying the address (?culture=en); Vietnamese otherwise.
        // A calendar app sends no cookie, so the address alone decides, as for the other documents.
        DocumentCulture.Apply(culture);
        // Revoked, expired, not a calendar token, its account locked or changed: all alike "not found".
        var userId = await tokens.UserOfAsync(token, ct);
        var user = userId is null ? null : await signIn.UserManager.FindByIdAsync(userId);
        if (user is null || !await signIn.CanSignInAsync(user)) return TypedResults.NotFound();

        // Run the rest of the request as the token's owner, so the DbContext's single classification
        // filter decides what the feed holds, exactly as it does for that user's pages.
        context.User = await signIn.CreateUserPrincipalAsync(user);

        var today = clock.Today();
        var (first, last) = CalendarFeed.Window(today);
        var entries = await queries.BetweenAsync(first, last, new CalendarFilter(Status: CalendarFilter.AllStatuses), ct);
        var baseUrl = PublicBaseUrl.Of(context.Request, configuration);
        var name = calendarWords["LeadersCalendar"] + " – " + (string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName);
        var ics = CalendarFeed.Write(entries, baseUrl, name, new FeedWords(calendarWords, activityWords));
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(ics, IcsContentType);
    }

    private static async Task<Results<Ok<FeedAddress>, UnauthorizedHttpResult>> Rotate(
        HttpContext context, Common.Classification.ICurrentUser user, CalendarTokens tokens, string? culture, CancellationToken ct)
    {
        if (user.UserId is not { } id) return TypedResults.Unauthorized();
        var secret = await tokens.RotateAsync(id, ct);
        return TypedResults.Ok(new FeedAddress(tokens.FeedUrl(context.Request, secret, culture)));
    }
}
