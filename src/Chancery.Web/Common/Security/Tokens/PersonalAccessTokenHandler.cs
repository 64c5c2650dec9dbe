using System.Security.Claims;
using System.Text.Encodings.Web;
using Chancery.Web.Common.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Common.Security.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer chpat_…</c> on the API as the token's user: the same
/// principal a sign-in would give them now (current role, clearance and security stamp), plus the token's
/// id and scope, which <see cref="TokenScopeCheck"/> enforces. Only the API takes these tokens; a page is
/// for people, who sign in.</summary>
public sealed class PersonalAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PersonalAccessTokens tokens, UserManager<ChanceryUser> users, IUserClaimsPrincipalFactory<ChanceryUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    /// <summary>Whether a request carries one of these tokens (the prefix tells them from sign-in tokens).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer " + TokenSecret.Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request)) return AuthenticateResult.NoResult();
        // The reason is never the secret: messages here may reach a log.
        if (!Request.Path.StartsWithSegments("/api")) return AuthenticateResult.Fail("Personal access tokens are accepted by the API only.");
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await tokens.FindUsableAsync(secret, Context.RequestAborted);
        if (token is null || await users.FindByIdAsync(token.UserId) is not { } user)
            return AuthenticateResult.Fail("The personal access token is unknown, revoked, expired or no longer valid for its account.");
        var principal = await principals.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ChanceryClaims.Token, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ChanceryClaims.TokenScope, Codes<TokenScope>.ToCode(token.Scope)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
