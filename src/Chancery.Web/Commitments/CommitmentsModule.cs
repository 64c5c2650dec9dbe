using Chancery.Web.Commitments.Components;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Ui;
using Chancery.Web.Common.Writing;
using Chancery.Web.Partners;

namespace Chancery.Web.Commitments;

/// <summary>Commitments (the concrete promises of agreements and meetings), their deliveries, the
/// exchange rates, and the realisation report ("turning commitments into resources").</summary>
public sealed class CommitmentsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CommitmentQueries>();
        services.AddScoped<CommitmentPageQueries>();
        services.AddScoped<CommitmentWriter>();
        services.AddScoped<ExchangeRateWriter>();
        services.AddScoped<DeliveryAttachments>();
        services.AddScoped<RealisationQuery>();
        services.AddScoped<Import.CommitmentImportDefinition>();
        services.AddScoped<Import.DeliveryImportDefinition>();
        services.AddScoped<Import.ExchangeRateImportDefinition>();
        services.AddErrorTexts<CommitmentsText>();
        services.AddPickerSource<AgreementPickerSource>();
        services.AddAuditSubject<CommitmentAuditSubject>();
        services.AddAuditSubject<DeliveryAuditSubject>();
        services.AddAuditSubject<ExchangeRateAuditSubject>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapCommitmentEndpoints();
        api.MapDeliveryAttachmentEndpoints();
        api.MapRealisationEndpoints();
    }

    /// <summary>The commitment page's upload form for a delivery's evidence.</summary>
    public void MapOther(IEndpointRouteBuilder app) => app.MapDeliveryAttachmentForm();

    /// <summary>A partner's open commitments and realised share, on the partner's page.</summary>
    public IEnumerable<PageSection> Sections => [new(PartnerPageSections.Name, typeof(PartnerCommitments), 150)];

    // The realisation page draws with scripts: a full load runs them (enhanced navigation would not).
    public IEnumerable<MenuEntry> Menu =>
    [
        new("/commitments", typeof(CommitmentsText), "Commitments", 250),
        new("/reports/realisation", typeof(CommitmentsText), "Realisation", 410, FullLoad: true),
    ];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Commitments", "Pledges made in agreements or at activities, their deliveries, and the exchange rates used to compare them."),
    ];
}
