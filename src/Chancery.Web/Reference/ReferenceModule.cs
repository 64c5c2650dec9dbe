using Chancery.Web.Common.Modules;

namespace Chancery.Web.Reference;

/// <summary>Reference lists shipped with the application (countries, organisations, offices, the
/// real partnership events), loaded into an empty database.</summary>
public sealed class ReferenceModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSeeder<ReferenceDataSeeder>();
}
