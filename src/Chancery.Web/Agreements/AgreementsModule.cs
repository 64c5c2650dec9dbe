using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
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
        services.AddScoped<AgreementImportDefinition>();
        services.AddScoped<AgreementWriter>();
        services.AddScoped<TreatyActionWriter>();
        services.AddScoped<AgreementDocuments>();
        services.AddScoped<SigningPackages>();
        services.AddErrorTexts<AgreementsText>();
        services.AddScoped<ISearchSource, AgreementSearchSource>();
        services.AddAuditSubject<AgreementAuditSubject>();
        services.AddAuditSubject<AgreementPartyAuditSubject>();
        services.AddAuditSubject<TreatyActionAuditSubject>();
        services.AddAuditSubject<AgreementDocumentAuditSubject>();
        services.AddBinSource<AgreementBinSource>();
        services.AddPickerSource<ActivityPickerSource>();
        services.AddPickerSource<UnitPickerSource>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapAgreementEndpoints().MapAgreementDocumentEndpoints();

    /// <summary>The agreement page's upload form.</summary>
    public void MapOther(IEndpointRouteBuilder app) => app.MapAgreementDocumentForm();

    /// <summary>The agreements signed during an activity (with its package's gap) on the activity page; those in force on the partner page.</summary>
    public IEnumerable<PageSection> Sections =>
    [
        new(Activities.ActivityPageSections.Name, typeof(Components.ActivityAgreements), 100),
        new(Partners.PartnerPageSections.Name, typeof(Components.PartnerAgreements), 150),
    ];

    public IEnumerable<MenuEntry> Menu => [new("/agreements", typeof(AgreementsText), "Agreements", 250)];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Agreements", "Treaties and agreements with their parties, treaty actions, status, documents and signing packages."),
    ];
}
