using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Activities;

public sealed class ActivitiesModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ActivityImportDefinition>();
        services.AddScoped<ISearchSource, ActivitySearchSource>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapActivityEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/activities", typeof(ActivitiesText), "Activities", 200)];
}
