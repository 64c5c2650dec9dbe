using System.ComponentModel.DataAnnotations;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous()
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in with email and password, plus twoFactorCode (the authenticator app's six digits) or twoFactorRecoveryCode "
                + "for an account that uses an authenticator (every account cleared confidential or above); answers a bearer token (accessToken) for the API.");
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Trades the refreshToken of a sign-in (or of an earlier refresh) for a new access token, while the account is unchanged "
                + "(a password, role, clearance or lock change, or a sign-out, ends it: 401).");
        group.MapGet("/me", Me).WithSummary("Who the token or cookie belongs to.");
        return api;
    }

    /// <summary>The second factor goes in the same request: <c>twoFactorCode</c> from the authenticator app,
    /// or one of the account's <c>twoFactorRecoveryCode</c>s (each works once).</summary>
    public sealed record LoginRequest([property: Required, EmailAddress] string Email, [property: Required] string Password,
        string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

    public sealed record RefreshRequest([property: Required] string RefreshToken);

    public sealed record MeResponse(string? Email, string? Name, [property: CodeSet(typeof(ClassificationLevel))] string? Clearance, string[] Roles);

    /// <summary>Signs in with the bearer scheme: the bearer handler writes the AccessTokenResponse
    /// ({ tokenType, accessToken, expiresIn, refreshToken }).</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, PasswordSignIn signIn)
    {
        var verdict = await signIn.SignInAsync(request.Email, request.Password, persistent: false, IdentityConstants.BearerScheme,
            new SecondFactor(request.TwoFactorCode, request.TwoFactorRecoveryCode));
        return verdict switch
        {
            // Said only after the right password: the second factor is what is missing, and a client must know which.
            SignInVerdict.SecondFactorNeeded => SecondFactorProblem("second_factor_required", "Second factor required",
                "This account signs in with an authenticator: send twoFactorCode (the app's six digits) or twoFactorRecoveryCode."),
            SignInVerdict.WrongSecondFactor => SecondFactorProblem("second_factor_wrong", "Wrong second factor",
                "The authenticator code (or recovery code) is wrong or has expired."),
            SignInVerdict.EnrolmentNeeded => SecondFactorProblem("authenticator_not_set_up", "Authenticator not set up",
                "This account's clearance requires an authenticator; set it up by signing in on the sign-in page first."),
            SignInVerdict.SignedIn => TypedResults.Empty,
            SignInVerdict.TooManyAttempts => TypedResults.Problem("Too many failed sign-ins from this address; wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts"),
            SignInVerdict.LockedOut => TypedResults.Problem("This account is locked; ask an administrator.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
            _ => TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
        };
    }

    private static ProblemHttpResult SecondFactorProblem(string code, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The refresh token is the bearer handler's own protected ticket; it is honoured while it has
    /// not expired and the account's security stamp is the one it was issued under (as Identity's own
    /// refresh endpoint does).</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request,
        Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<ChanceryUser> signIn, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
            return TypedResults.Problem("The refresh token is not valid any more; sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in needed");
        await signIn.Context.SignInAsync(IdentityConstants.BearerScheme, await signIn.CreateUserPrincipalAsync(user));
        return TypedResults.Empty;
    }

    private static Ok<MeResponse> Me(HttpContext context) =>
        TypedResults.Ok(new MeResponse(
            context.User.Identity?.Name,
            context.User.FindFirst(ChanceryClaims.DisplayName)?.Value,
            context.User.FindFirst(ChanceryClaims.Clearance)?.Value,
            Roles.All.Where(context.User.IsInRole).ToArray()));
}
