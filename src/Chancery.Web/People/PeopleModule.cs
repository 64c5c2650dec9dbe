using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;

namespace Chancery.Web.People;

public sealed class PeopleModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<ISearchSource, PersonSearchSource>();

    public void MapApi(RouteGroupBuilder api) => api.MapPeopleEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/people", typeof(PeopleText), "People", 500)];
}
