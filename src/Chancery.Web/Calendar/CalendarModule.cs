namespace Chancery.Web.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarTokens>();
        return services;
    }
}
