namespace Chancery.Web.Common.Security;

/// <summary>The address the application is reached at, for links that leave the request (a calendar
/// feed's address, the links inside the feed). <c>App:PublicBaseUrl</c> (e.g.
/// <c>https://chancery.mofa.gov.vn</c>) when configured, which a production server must set: then no
/// Host header a client sends can change an address the app hands out. Without it (development, tests)
/// the request's own origin is used; that address is shown only to the signed-in user who asked for it
/// (and inside the feed to its own reader), so a forged Host header misleads only the one who forged it.</summary>
public static class PublicBaseUrl
{
    public const string Setting = "App:PublicBaseUrl";

    public static string Of(HttpRequest request, IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
