using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public static class LogoutEndpoint
{
    /// <summary>Sign-out is a POST (with the page's antiforgery token), so a link cannot sign anyone out.</summary>
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<ChanceryUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).ExcludeFromDescription();
        return app;
    }
}
