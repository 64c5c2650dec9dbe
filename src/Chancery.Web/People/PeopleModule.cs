using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.People;

public sealed class PeopleModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISearchSource, PersonSearchSource>();
        services.AddScoped<PeopleQueries>();
        services.AddSingleton<OfficeTitlesCache>();
        services.AddScoped<PersonWriter>();
        services.AddErrorTexts<PeopleText>();
        services.AddAuditSubject<PersonAuditSubject>();
        services.AddAuditSubject<PersonOfficeAuditSubject>();
        services.AddAuditSubject<OfficeAuditSubject>();
        services.AddBinSource<PersonBinSource>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapPeopleEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/people", typeof(PeopleText), "People", 500)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("People", "Leaders and foreign counterparts with the offices they held, by period."),
    ];
}
