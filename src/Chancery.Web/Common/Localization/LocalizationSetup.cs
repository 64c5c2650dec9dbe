using Chancery.Web.Common.Security;
using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Chancery.Web.Common.Localization;

public static class LocalizationSetup
{
    public static readonly string[] Cultures = ["vi", "en"];
    public const string DefaultCulture = "vi";

    public static IServiceCollection AddChanceryLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DefaultCulture).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // Pages: the cookie (set by the language switch) wins; otherwise Vietnamese. The browser's
            // Accept-Language is deliberately ignored there: the sector works in Vietnamese first.
            // The API: English unless the caller's Accept-Language asks for Vietnamese, whatever the
            // cookie says, so an integration reads the same words whoever signed it in.
            o.RequestCultureProviders = [new CustomRequestCultureProvider(ApiCultureAsync), new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    private static Task<ProviderCultureResult?> ApiCultureAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return Task.FromResult<ProviderCultureResult?>(null);
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "vi" or "en");
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(preferred ?? "en"));
    }

    /// <summary>GET /culture/{culture}?returnUrl=… remembers the choice in a cookie for a year and
    /// goes back to the page. Anonymous, so the sign-in page can switch too.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context, TimeProvider clock) =>
        {
            if (!Cultures.Contains(culture)) culture = DefaultCulture;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";
}
