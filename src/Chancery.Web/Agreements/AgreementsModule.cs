using Chancery.Web.Common.Modules;

namespace Chancery.Web.Agreements;

/// <summary>The agreement register: agreements, their parties, treaty actions and documents.</summary>
public sealed class AgreementsModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
