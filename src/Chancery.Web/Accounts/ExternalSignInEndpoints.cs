using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Accounts;

/// <summary>The two steps of signing in through the identity provider around its own pages: the sign-in
/// page's button posts to <c>/login/external</c>, which sends the browser to the provider; the provider
/// sends it back to <see cref="OpenIdConnectSettings.CallbackPath"/> (the handler's own), which ends on
/// <c>/login/external/done</c>, where <see cref="ExternalSignIn"/> decides.</summary>
public static class ExternalSignInEndpoints
{
    public const string RefusedPath = "/login/external/refused";

    /// <summary>The refusal page's reasons (<c>?reason=</c>).</summary>
    public const string ProviderFailed = "provider", EmailNotVerified = "unverified", NotAccepted = "refused";

    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder app)
    {
        // Mapped whether or not a provider is configured (answering 404 then), so the routes and their
        // access rules do not depend on configuration.
        app.MapPost("/login/external", Start).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/login/external/done", Done).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A form post carrying the page's antiforgery token, so another site cannot start a sign-in
    /// in the user's browser (and slip its own identity in).</summary>
    private static async Task<Results<ChallengeHttpResult, ProblemHttpResult, NotFound>> Start(
        HttpContext context, IAntiforgery antiforgery, OpenIdConnectSettings settings)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("The sign-in form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        if (!settings.Enabled) return TypedResults.NotFound();
        var back = LocalUrl.OrHome(context.Request.Form["ReturnUrl"]);
        var properties = new AuthenticationProperties { RedirectUri = "/login/external/done?ReturnUrl=" + Uri.EscapeDataString(back) };
        return TypedResults.Challenge(properties, [OpenIdConnectSettings.Scheme]);
    }

    private static async Task<RedirectHttpResult> Done(string? returnUrl, ExternalSignIn signIn)
    {
        var back = LocalUrl.OrHome(returnUrl);
        var next = await signIn.SignInAsync() switch
        {
            ExternalVerdict.SignedIn => back,
            ExternalVerdict.SecondFactorNeeded => "/login/code?ReturnUrl=" + Uri.EscapeDataString(back),
            ExternalVerdict.EnrolmentNeeded => "/login/enrol?ReturnUrl=" + Uri.EscapeDataString(back),
            ExternalVerdict.EmailNotVerified => RefusedPath + "?reason=" + EmailNotVerified,
            ExternalVerdict.NotAccepted => RefusedPath + "?reason=" + NotAccepted,
            _ => "/login",
        };
        return TypedResults.LocalRedirect(next);
    }
}
