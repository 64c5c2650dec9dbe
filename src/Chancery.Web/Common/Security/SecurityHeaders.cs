using Microsoft.Extensions.Options;

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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The sign-in pages' forms may also lead to the origins a module names (the identity provider
        // the single sign-on button redirects to: browsers hold a form's redirects to form-action too).
        var targets = app.ApplicationServices.GetService<IOptions<SignInFormTargets>>()?.Value.Origins ?? [];
        var signInPolicy = targets.Count == 0 ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', targets.Distinct()), StringComparison.Ordinal);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/login") ? signInPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }
}

/// <summary>Origins outside the app that a form of the sign-in pages (<c>/login…</c>) may lead to, added
/// by a module through <c>services.Configure&lt;SignInFormTargets&gt;</c>; empty by default.</summary>
public sealed class SignInFormTargets
{
    public List<string> Origins { get; } = [];
}
