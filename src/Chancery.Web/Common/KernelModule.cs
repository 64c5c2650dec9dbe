using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Ui;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common;

/// <summary>The shared kernel's own services and endpoints (search, pickers, audit, imports, error words),
/// registered through the same contract as the features.</summary>
public sealed class KernelModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddScoped<ImportPipeline>();
        services.AddScoped<PendingImports>();
        services.AddScoped<SearchService>();
        services.AddScoped<AuditReader>();
        services.AddScoped<Security.UnitScope>();
        services.AddScoped<PickerSources>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditChain>();
        services.AddSingleton<AuditChain.SealerTurn>();
        services.AddSeeder<AuditAppendOnly>();
        services.Configure<AuditChainOptions>(configuration.GetSection(AuditChainOptions.Section));
        services.AddHostedService<AuditSealer>();
        services.AddScoped<BinSources>();
        services.AddScoped<BinQueries>();
        services.AddSingleton<ErrorWords>();
        services.AddErrorTexts<ImportText>();
        services.Configure<Documents.DocumentOptions>(configuration.GetSection(Documents.DocumentOptions.Section));
        // One store for every module's files: a folder by default; the database where several instances share it.
        if (string.Equals(configuration[$"{Documents.DocumentOptions.Section}:Store"], "database", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<Documents.IDocumentStore, Documents.DatabaseDocumentStore>();
        else services.AddSingleton<Documents.IDocumentStore, Documents.DiskDocumentStore>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapSearchEndpoints();
        api.MapPickerEndpoints();
        api.MapAuditEndpoints();
        api.MapAuditChainEndpoints();
        api.MapChangeFeed();
        api.MapBinEndpoints();
    }

    public void MapOther(IEndpointRouteBuilder app) => Api.ApiReference.MapApiReference(app.MapCultureSwitch());

    public IEnumerable<MenuEntry> Menu =>
    [
        new("/audit", typeof(SharedText), "Audit", 910, Policies.Administer),
        new(Api.ApiReference.Path + "/", typeof(SharedText), "ApiReference", 940, Policies.Administer, FullLoad: true),
        new("/bin", typeof(SharedText), "Bin", 930, Policies.Administer),
    ];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Search", "One search box over every kind of record the caller may see."),
        new("Pickers", "Short lists for choosing a record in a form (a partner, a person, a unit)."),
        new("Bin", "Deleted records, listed and restored by administrators."),
        new("Audit", "The audit trail: who changed what and when (administrators)."),
        new("Changes", "A feed of created, changed and deleted records in order, with a cursor, for systems that keep a copy in sync."),
    ];
}
