using Chancery.Web.Common.Api;
using System.Security.Claims;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>Narrows a request made with a personal access token to the token's scope, after the session
/// check and before authorization: a <c>read</c> token may only read, a <c>calendar</c> token opens no API
/// address at all, and no token manages tokens (a leaked token must not mint itself a successor). Within
/// its scope the user's own role and clearance still decide, as for a sign-in.</summary>
public static class TokenScopeCheck
{
    /// <summary>Addresses a personal access token never opens: managing tokens and sign-in tokens.</summary>
    private static readonly string[] SignedInOnly = ["/api/v1/tokens", "/api/v1/calendar/token", "/api/v1/auth/refresh"];

    public static IApplicationBuilder UseTokenScopeCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ChanceryClaims.TokenScope) is { } code && Refusal(context.Request, code) is { } detail)
            {
                await TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Outside the token's scope")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static string? Refusal(HttpRequest request, string code)
    {
        if (!Codes<TokenScope>.TryParse(code, out var scope) || scope == TokenScope.Calendar)
            return "This token only opens its calendar feed.";
        if (SignedInOnly.Any(path => request.Path.StartsWithSegments(path)))
            return "Tokens are managed by a signed-in user, not with a personal access token.";
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        return scope == TokenScope.Read && !reads ? "This token may only read (scope read); writing needs a token with scope read_write." : null;
    }
}
