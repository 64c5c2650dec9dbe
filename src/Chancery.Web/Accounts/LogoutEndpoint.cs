using Microsoft.AspNetCore.Antiforgery;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public static class LogoutEndpoint
{
    /// <summary>Sign-out is a POST with the page's antiforgery token, so neither a link nor another site
    /// can sign anyone out. It renews the account's security stamp, so a copy of the cookie (or a bearer
    /// token) taken before sign-out stops working everywhere (<see cref="SessionCheck"/>); the user's
    /// other sessions end with it.</summary>
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, SignInManager<ChanceryUser> signIn,
            Chancery.Web.Data.ChanceryDbContext db, TimeProvider clock) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return TypedResults.Problem("The sign-out form has expired; reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
                await Common.Audit.AuditEvents.RecordAsync(db, clock, Common.Audit.AuditAction.SignedOut, Common.Audit.AuditEvents.UserType, user.Id,
                    new Dictionary<string, string?> { ["Address"] = context.Connection.RemoteIpAddress?.ToString() },
                    Common.Classification.ClassificationLevel.Public, CancellationToken.None);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }
}
