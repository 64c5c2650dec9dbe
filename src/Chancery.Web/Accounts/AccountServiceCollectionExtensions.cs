using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>The scheme that picks the bearer token when the request carries one, the cookie otherwise.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddChanceryAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = context =>
                    PersonalAccessTokenHandler.Carries(context.Request) ? PersonalAccessTokenHandler.SchemeName
                    : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, "Personal access token", null)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = SessionCheck.CookieName;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // The API answers 401/403 as ProblemDetails instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<ChanceryUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                // Each authenticator code is accepted once (Identity's own provider takes it again within its window).
                o.Tokens.AuthenticatorTokenProvider = OneUseAuthenticatorCodes.ProviderName;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ChanceryDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorCodes>(OneUseAuthenticatorCodes.ProviderName)
            .AddClaimsPrincipalFactory<ChanceryClaimsFactory>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddChanceryPolicies();

        services.AddSingleton<SignInFailureLimiter>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<TwoFactorRule>();
        services.AddScoped<Authenticator>();
        services.AddScoped<EnrolmentCodes>();
        services.AddScoped<AdministratorSeeder>();
        services.AddScoped<AccountScope>();
        services.AddScoped<UserQueries>();
        services.AddScoped<UserWriter>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<TokenQueries>();
        services.AddScoped<TokenWriter>();
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
