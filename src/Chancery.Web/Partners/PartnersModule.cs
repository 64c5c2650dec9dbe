using Chancery.Web.Common.Search;

namespace Chancery.Web.Partners;

public static class PartnersModule
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddScoped<ISearchSource, PartnerSearchSource>();
        services.AddScoped<PartnershipImportDefinition>();
        services.AddScoped<Editing.PartnerEditor>();
        return services;
    }
}
