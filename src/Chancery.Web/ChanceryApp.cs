using Chancery.Web.Accounts;
using Chancery.Web.Activities;
using Chancery.Web.Calendar;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Components;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Chancery.Web.Reports;
using Chancery.Web.Units;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chancery.Web;

/// <summary>The composition root: each capability adds its services and maps its endpoints here,
/// in one readable list.</summary>
public static class ChanceryApp
{
    public static IServiceCollection AddChancery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddChanceryDatabase(configuration);

        // Shared across instances behind a load balancer: the keys that protect cookies, bearer
        // tokens and antiforgery tokens live in the database, not in one process.
        services.AddDataProtection().SetApplicationName("Chancery").PersistKeysToDbContext<ChanceryDbContext>();

        services.AddChanceryAccounts();
        services.AddChanceryLocalization();
        services.AddChanceryProblemDetails();
        services.AddValidation();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<ChanceryDbContext>("database");
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddScoped<ImportPipeline>();
        services.AddScoped<PendingImports>();
        services.AddScoped<SearchService>();

        services.AddScoped<UnitSeeder>();
        services.AddScoped<ISearchSource, UnitSearchSource>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddPartners();
        services.AddActivities();
        services.AddCalendar();
        return services;
    }

    public static WebApplication UseChancery(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorHandling.WritePageErrorAsync });
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi();
        app.MapCultureSwitch();
        app.MapLogout();
        app.MapCalendarFeed();

        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapAuthEndpoints();
        api.MapSearchEndpoints();
        api.MapAuditEndpoints();
        api.MapPartnerEndpoints();
        api.MapActivityEndpoints();
        api.MapPeopleEndpoints();
        api.MapReportEndpoints();
        api.MapCalendarEndpoints();
        api.MapUnitEndpoints();
        api.MapUserEndpoints();
        // Unknown API addresses answer ProblemDetails (the page catch-all would answer HTML).
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"));

        app.MapRazorComponents<App>();
        return app;
    }
}
