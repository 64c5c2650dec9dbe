using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Modules;

namespace Chancery.Web.Home;

/// <summary>The landing page: the day's starting point, reading the other modules' figures.</summary>
public sealed class HomeModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public IEnumerable<MenuEntry> Menu => [new("/", typeof(SharedText), "Home", 0)];
}
