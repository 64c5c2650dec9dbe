using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Partners;

public sealed class PartnersModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISearchSource, PartnerSearchSource>();
        services.AddScoped<PartnershipImportDefinition>();
        services.AddScoped<PartnerQueries>();
        services.AddScoped<Editing.PartnerWriter>();
        services.AddErrorTexts<PartnersText>();
        services.AddAuditSubject<PartnerAuditSubject>();
        services.AddAuditSubject<FrameworkEventAuditSubject>();
        services.AddBinSource<FrameworkEventBinSource>();
        services.AddPickerSource<CountryPickerSource>();
        services.AddPickerSource<PartnerPickerSource>();
        services.AddScoped<CountryPickerSource>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapPartnerEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/partners", typeof(SharedText), "Partners", 100)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Partners", "Countries and organisations, their partnership level and the framework events that set it; partnership imports."),
    ];
}
