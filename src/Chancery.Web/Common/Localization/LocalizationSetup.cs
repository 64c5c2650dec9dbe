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
            // The cookie (set by the language switch) wins; otherwise Vietnamese. The browser's
            // Accept-Language is deliberately ignored: the sector works in Vietnamese first.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /culture/{culture}?returnUrl=… remembers the choice in a cookie for a year and
    /// goes back to the page. Anonymous, so the sign-in page can switch too.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!Cultures.Contains(culture)) culture = DefaultCulture;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl;
            return TypedResults.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";
}
