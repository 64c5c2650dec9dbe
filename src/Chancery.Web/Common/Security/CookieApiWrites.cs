using Microsoft.AspNetCore.Antiforgery;

namespace Chancery.Web.Common.Security;

/// <summary>Cross-site request forgery on the API. A browser attaches the sign-in cookie to any
/// request, including a form or a <c>text/plain</c> fetch that another site sends without a
/// preflight; a bearer token it never attaches. So an API write (POST, PUT, PATCH, DELETE) that is
/// authenticated by the cookie must also carry the antiforgery token (header
/// <c>RequestVerificationToken</c>, as the app's own pages send it); integrations use bearer tokens
/// and are not affected. Runs after authentication and the session check.</summary>
public static class CookieApiWrites
{
    public static IApplicationBuilder UseCookieApiWriteProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await TypedResults.Problem(
                    detail: "A write through the API signed in with the browser's cookie must carry the antiforgery token (header RequestVerificationToken). Integrations sign in for a bearer token instead.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Antiforgery token missing").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
