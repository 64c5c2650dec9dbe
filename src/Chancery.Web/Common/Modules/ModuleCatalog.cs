using System.Reflection;

namespace Chancery.Web.Common.Modules;

/// <summary>Every module of the application, found by reflection once at start-up, in a stable order
/// (by type name). The menu and the page sections are read from here.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<IChanceryModule> modules)
    {
        Modules = modules.OrderBy(m => m.GetType().FullName, StringComparer.Ordinal).ToList();
        Menu = Modules.SelectMany(m => m.Menu).OrderBy(e => e.Order).ToList();
        Sections = Modules.SelectMany(m => m.Sections).OrderBy(s => s.Order).ToList();
    }

    public IReadOnlyList<IChanceryModule> Modules { get; }
    public IReadOnlyList<MenuEntry> Menu { get; }
    public IReadOnlyList<PageSection> Sections { get; }

    public IEnumerable<PageSection> SectionsOf(string page) => Sections.Where(s => s.Page == page);

    public static ModuleCatalog Discover(Assembly assembly) => new(assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChanceryModule).IsAssignableFrom(t))
        .Select(t => (IChanceryModule)Activator.CreateInstance(t)!));
}
