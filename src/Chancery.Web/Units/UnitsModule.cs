using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Units;

public sealed class UnitsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSeeder<UnitSeeder>();
        services.AddScoped<ISearchSource, UnitSearchSource>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<UnitWriter>();
        services.AddScoped<IUnitTree, UnitTree>();
        services.AddErrorTexts<UnitsText>();
        services.AddAuditSubject<UnitAuditSubject>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapUnitEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/units", typeof(SharedText), "Units", 900, Policies.Administer)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Units", "The ministry's units and missions abroad (administrators change them)."),
    ];
}
