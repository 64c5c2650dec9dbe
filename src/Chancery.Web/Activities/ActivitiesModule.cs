using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Common.Writing;
using Chancery.Web.Activities.Components;
using Chancery.Web.Partners;
using Chancery.Web.People;

namespace Chancery.Web.Activities;

public sealed class ActivitiesModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ActivityImportDefinition>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<ActivityPageQueries>();
        services.AddScoped<ActivityWriter>();
        services.AddErrorTexts<ActivitiesText>();
        services.AddScoped<ISearchSource, ActivitySearchSource>();
        services.AddAuditSubject<ActivityAuditSubject>();
        services.AddAuditSubject<ActivityLegAuditSubject>();
        services.AddPickerSource<LeaderPickerSource>();
        services.AddPickerSource<CounterpartPickerSource>();
        services.AddBinSource<ActivityBinSource>();
        services.AddDeleteGuard<Person, ActivitiesNamingPerson>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapActivityEndpoints();

    /// <summary>The activities with a partner on the partner's page, those a person led on the person's page.</summary>
    public IEnumerable<PageSection> Sections =>
    [
        new(PartnerPageSections.Name, typeof(PartnerActivities), 100),
        new(PersonPageSections.Name, typeof(PersonActivities), 100),
    ];

    public IEnumerable<MenuEntry> Menu => [new("/activities", typeof(ActivitiesText), "Activities", 200)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Activities", "Visits, meetings and other activities of the leaders: list, read, create, update, delete, import and export."),
    ];
}
