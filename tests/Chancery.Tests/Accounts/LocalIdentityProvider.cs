using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Chancery.Tests.Accounts;

/// <summary>Who the local provider says is signing in: the test chooses the email, whether the provider
/// verified it, and the authentication methods (<c>amr</c>) it reports.</summary>
public sealed record ProviderUser(string Subject, string Email, bool EmailVerified, params string[] Methods);

/// <summary>A real OpenID Connect provider on a loopback port, for the single sign-on tests: OpenIddict's
/// server in degraded mode (no database), authorization code flow with PKCE required, ephemeral keys, and
/// an authorization endpoint that signs in <see cref="NextUser"/> at once, without a page of its own
/// (null: it refuses, as a provider does when its user cancels). Every identity it issues also claims a
/// top-secret clearance and the administrator role, which Chancery must ignore.</summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "chancery-test";
    public const string ClientSecret = "local-provider-secret-2026";

    private readonly WebApplication _app;

    private LocalIdentityProvider(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ (the issuer; its discovery document is below it).</summary>
    public string Authority { get; }

    public ProviderUser? NextUser { get; set; }

    /// <summary>The PKCE method the client sent with the last authorization request.</summary>
    public string? LastCodeChallengeMethod { get; private set; }

    public static async Task<LocalIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.RegisterScopes(Scopes.Email, Scopes.Profile);
            // No application or token store: the one client is checked here, codes are self-contained.
            o.EnableDegradedMode();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            o.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "Unknown client.");
                else if (context.RedirectUri is not { } uri || !uri.EndsWith("/signin-oidc", StringComparison.Ordinal))
                    context.Reject(Errors.InvalidRequest, "Unknown redirect address.");
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                return default;
            }));
        });

        var app = builder.Build();
        LocalIdentityProvider? provider = null;
        app.UseRouting();
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (HttpContext context) => provider!.Authorize(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new LocalIdentityProvider(app, address.TrimEnd('/') + "/");
        return provider;
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()!;
        LastCodeChallengeMethod = request.CodeChallengeMethod;
        if (NextUser is not { } user) return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailVerified)
            .SetClaim(Claims.Name, "Provider's name for " + user.Subject)
            .SetClaim(Claims.Role, "administrator")
            .SetClaim("clearance", "top_secret");
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. user.Methods]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
