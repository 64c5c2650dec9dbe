using Chancery.Web.Common.Search;
using Chancery.Web.People;

namespace Chancery.Web.Activities;

public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityImportDefinition>();
        services.AddScoped<ISearchSource, ActivitySearchSource>();
        services.AddScoped<ISearchSource, PersonSearchSource>();
        return services;
    }
}
