namespace Chancery.Web.Common.Security;

/// <summary>The response headers every answer carries. The Content-Security-Policy allows scripts and
/// style sheets from the app's own origin only (no inline or injected script can run, even if some
/// markup slipped through encoding); style attributes stay allowed because layout values such as a
/// calendar bar's span are set per element. Nothing may frame the app (clickjacking), browsers must
/// not guess content types, and other sites learn at most our origin from links.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
