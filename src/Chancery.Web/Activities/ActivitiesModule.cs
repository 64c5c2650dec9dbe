namespace Chancery.Web.Activities;

public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityImportDefinition>();
        return services;
    }
}
