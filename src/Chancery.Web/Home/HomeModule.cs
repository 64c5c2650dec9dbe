using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Home.Components;
using Chancery.Web.People;

namespace Chancery.Web.Home;

/// <summary>The landing page: the day's starting point. It reads the other modules through their public
/// query services (activities, partners, people); none of them reads this one, so it adds no cycle. It
/// owns the reader's followed leaders and offers the follow button on the person page.</summary>
public sealed class HomeModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FollowingQueries>();
        services.AddScoped<FollowingWriter>();
        services.AddScoped<LeadersAgenda>();
        services.AddScoped<UnitChanges>();
        services.AddScoped<HomeFigures>();
        services.AddScoped<MonthAnniversaries>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapFollowingEndpoints();

    public void MapOther(IEndpointRouteBuilder app) => app.MapFollowForm();

    public IEnumerable<MenuEntry> Menu => [new("/", typeof(SharedText), "Home", 0)];

    /// <summary>The follow button at the foot of a person's page, before the activities they led.</summary>
    public IEnumerable<PageSection> Sections => [new(PersonPageSections.Name, typeof(FollowSection), 50)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Home", "The caller's own page: the people they follow."),
    ];
}
