using Chancery.Web.Common.Modules;

namespace Chancery.Web.Reports;

public sealed class ReportsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AnnualReviewQuery>();
        services.AddScoped<ReviewIssuers>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapReportEndpoints();

    // The review page draws with scripts: a full load runs them (enhanced navigation would not).
    public IEnumerable<MenuEntry> Menu => [new("/reports/annual-review", typeof(ReportsText), "AnnualReview", 400, FullLoad: true)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Reports", "Figures computed over what the caller may see: the annual review, the task scoreboard, commitment realisation."),
    ];
}
