using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Chancery.Web.Accounts;

public static class OpenIdConnectSetup
{
    /// <summary>The provider's handler, registered only when configured. Authorization code flow with
    /// PKCE; the provider's answer lands in Identity's temporary external cookie, which
    /// <see cref="ExternalSignIn"/> reads once and deletes.</summary>
    public static IServiceCollection AddOpenIdConnectSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = OpenIdConnectSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddScoped<ExternalSignIn>();
        if (!settings.Enabled) return services;

        // The sign-in page's button posts to this app, which redirects to the provider: the page's
        // Content-Security-Policy (form-action) must allow that origin or the browser stops there.
        services.Configure<SignInFormTargets>(targets => targets.Origins.Add(settings.Origin));
        services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSettings.Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the address of a top-level GET: the correlation and nonce cookies
            // can then stay SameSite=Lax (a form_post answer would need SameSite=None), and the code is
            // worth nothing without the PKCE verifier and the client's secret.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = OpenIdConnectSettings.CallbackPath;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes) o.Scope.Add(scope);
            // The provider's own claim names (email, email_verified, amr), not Microsoft's long URIs.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
            o.ClaimActions.MapUniqueJsonKey(settings.EmailClaim, settings.EmailClaim);
            o.ClaimActions.MapUniqueJsonKey(ExternalSignIn.EmailVerifiedClaim, ExternalSignIn.EmailVerifiedClaim);
            o.SaveTokens = false;
            o.DisableTelemetry = true;
            // Cancelled at the provider, refused there, or an answer that does not check out: a page in
            // the reader's language instead of an exception page.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(ExternalSignInEndpoints.RefusedPath + "?reason=" + ExternalSignInEndpoints.ProviderFailed);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
