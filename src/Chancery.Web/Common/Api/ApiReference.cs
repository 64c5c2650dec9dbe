using System.Security.Cryptography;
using Chancery.Web.Common.Security;
using Scalar.AspNetCore;

namespace Chancery.Web.Common.Api;

/// <summary>The API reference for people (Scalar), read from the same OpenAPI document generators use.
/// Scalar configures itself with an inline script and injects its own styles, so this one page answers
/// with a policy that admits its script by a nonce drawn per request and inline styles; it shows the
/// contract, never data, and its own "try it" calls go to this origin only.</summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, context) =>
        {
            // Hex, not base64: the page writes the nonce through an HTML encoder, which turns a base64 "+" into
            // "&#x2B;" and the browser would then refuse the script.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            options.WithTitle("Chancery API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce(nonce);
        }).RequireAuthorization();
        return app;
    }
}
