using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Ui;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Agreements;

/// <summary>The agreement register: agreements, their parties, treaty actions and documents.</summary>
public sealed class AgreementsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AgreementQueries>();
        services.AddScoped<AgreementWriter>();
        services.AddErrorTexts<AgreementsText>();
        services.AddScoped<ISearchSource, AgreementSearchSource>();
        services.AddAuditSubject<AgreementAuditSubject>();
        services.AddAuditSubject<AgreementPartyAuditSubject>();
        services.AddPickerSource<ActivityPickerSource>();
        services.AddPickerSource<UnitPickerSource>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapAgreementEndpoints();

    public IEnumerable<MenuEntry> Menu => [new("/agreements", typeof(AgreementsText), "Agreements", 250)];
}
