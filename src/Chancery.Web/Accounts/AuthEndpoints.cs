using Chancery.Web.Common.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Sign in with email and password; answers a bearer token (accessToken) for the API.");
        group.MapGet("/me", Me).WithSummary("Who the token or cookie belongs to.");
        return api;
    }

    public sealed record LoginRequest([property: Required, EmailAddress] string Email, [property: Required] string Password);

    public sealed record MeResponse(string? Email, string? Name, string? Clearance, string[] Roles);

    /// <summary>Signs in with the bearer scheme: the bearer handler writes the AccessTokenResponse
    /// ({ tokenType, accessToken, expiresIn, refreshToken }).</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, PasswordSignIn signIn)
    {
        var verdict = await signIn.SignInAsync(request.Email, request.Password, persistent: false, IdentityConstants.BearerScheme);
        return verdict switch
        {
            SignInVerdict.SignedIn => TypedResults.Empty,
            SignInVerdict.TooManyAttempts => TypedResults.Problem("Too many failed sign-ins from this address; wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts"),
            SignInVerdict.LockedOut => TypedResults.Problem("This account is locked; ask an administrator.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
            _ => TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
        };
    }

    private static Ok<MeResponse> Me(HttpContext context) =>
        TypedResults.Ok(new MeResponse(
            context.User.Identity?.Name,
            context.User.FindFirst(ChanceryClaims.DisplayName)?.Value,
            context.User.FindFirst(ChanceryClaims.Clearance)?.Value,
            Roles.All.Where(context.User.IsInRole).ToArray()));

    // Referenced so the OpenAPI document describes the token answer.
    internal static readonly Type TokenResponse = typeof(AccessTokenResponse);
}
