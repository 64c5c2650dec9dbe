using Chancery.Web.Common.Modules;

namespace Chancery.Web.Calendar;

public sealed class CalendarModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CalendarTokens>();
        services.AddScoped<CalendarQueries>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapCalendarEndpoints();

    /// <summary>The feed is read by calendar programs with the token in its address, outside the API group.</summary>
    public void MapOther(IEndpointRouteBuilder app) => app.MapCalendarFeed();

    public IEnumerable<MenuEntry> Menu => [new("/calendar", typeof(CalendarText), "Calendar", 300)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Calendar", "The leaders' calendar: a personal feed address for calendar programs."),
    ];
}
