using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Components;
using Chancery.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chancery.Web;

/// <summary>The composition root: the platform's services and middleware, then every module found in
/// the assembly (<see cref="IChanceryModule"/>). A new module is discovered, not listed here.</summary>
public static class ChanceryApp
{
    public static IServiceCollection AddChancery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        // The hosting layer logs each request's full URL at Information ("Request starting … GET /calendar/feed/<token>.ics"),
        // and a feed address carries a token: those lines are kept out of every log, whatever the configured level.
        // Routing's matcher names the path at Debug.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddChanceryDatabase(configuration);

        // Shared across instances behind a load balancer: the keys that protect cookies, bearer
        // tokens and antiforgery tokens live in the database, not in one process.
        // Encrypted to a certificate from configuration (KeyEncryption), since whoever reads the table could forge sessions.
        services.AddDataProtection().SetApplicationName("Chancery").PersistKeysToDbContext<ChanceryDbContext>()
            .EncryptKeysFromConfiguration(configuration);

        services.AddChanceryLocalization();
        services.AddChanceryProblemDetails();
        services.AddValidation();
        services.AddChanceryOpenApi();
        // /health: the process answers (a load balancer's liveness probe; no database call, so a slow
        // database does not get healthy instances restarted). /health/ready: database reachable and
        // every migration applied.
        services.AddHealthChecks()
            .AddDbContextCheck<ChanceryDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: ["ready"]);
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        var catalog = ModuleCatalog.Discover(typeof(ChanceryApp).Assembly);
        services.AddSingleton(catalog);
        foreach (var module in catalog.Modules) module.AddServices(services, configuration);
        return services;
    }

    public static WebApplication UseChancery(this WebApplication app)
    {
        KeyEncryption.RequireInProduction(app.Environment, app.Configuration);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // HEAD runs as the GET it mirrors, so it must be seen before routing picks an endpoint by method.
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(ErrorHandling.PageErrorOptions());
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<SessionCheck>();
        app.UseTokenScopeCheck();
        app.UseCookieApiWriteProtection();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        // The API's description is a contract, never data: generators and integrators read it unsigned.
        app.MapOpenApi().AllowAnonymous();

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<ConditionalRequests>();
        foreach (var module in catalog.Modules)
        {
            module.MapOther(app);
            module.MapApi(api);
        }
        // Unknown API addresses answer ProblemDetails (the page catch-all would answer HTML).
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found")).ExcludeFromDescription();

        app.MapRazorComponents<App>();
        return app;
    }
}
