using System.Reflection;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Architecture;

/// <summary>A page's sections (components without a route of their own that load data as they start) render
/// while the page and its other sections are still reading. The request's database context takes one query
/// at a time: on PostgreSQL a second one at once is an error, a 500 that comes and goes with timing (the
/// users page did that in CI when its fields section read the units while the page read the account). So a
/// section reads on a context of its own (Common/Ui/OwnContext) and injects nothing that uses the request's.</summary>
public sealed class PageSectionContextTests
{
    /// <summary>Sections allowed the request's context, each with its reason.</summary>
    private static readonly Dictionary<Type, string> Allowed = new()
    {
        // It writes an import through the request's context, and its pages load nothing beside it.
        [typeof(ImportPanel<>)] = "writes",
    };

    [Fact]
    public void A_section_that_loads_data_as_it_starts_reads_on_a_context_of_its_own()
    {
        var sections = typeof(ChanceryDbContext).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract && !t.IsDefined(typeof(RouteAttribute), inherit: false))
            .Where(t => Overrides(t, "OnInitializedAsync") || Overrides(t, "OnParametersSetAsync"))
            .ToList();
        sections.Count.ShouldBeGreaterThan(5, "the sections of the pages were not found");

        var offenders = sections
            .Where(t => !Allowed.ContainsKey(t.IsGenericType ? t.GetGenericTypeDefinition() : t))
            .SelectMany(t => Injected(t).Where(s => UsesRequestContext(s, depth: 0)).Select(s => $"{t.Name} injects {s.Name}"))
            .ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_recognises_a_service_on_the_request_context()
    {
        // What the users page's fields section injected before: it must count as the request's context.
        UsesRequestContext(typeof(Chancery.Web.Units.UnitQueries), 0).ShouldBeTrue();
        UsesRequestContext(typeof(UserManager<ChanceryUser>), 0).ShouldBeTrue();
        UsesRequestContext(typeof(IServiceScopeFactory), 0).ShouldBeFalse();
    }

    private static bool Overrides(Type type, string method) =>
        type.GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes) is { } m
        && m.DeclaringType != typeof(ComponentBase);

    private static IEnumerable<Type> Injected(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Select(p => p.PropertyType);

    /// <summary>The context itself, Identity's user manager (its store is the context), or a Chancery service
    /// whose constructor takes one of them, a few levels down.</summary>
    private static bool UsesRequestContext(Type type, int depth)
    {
        if (typeof(ChanceryDbContext).IsAssignableFrom(type)) return true;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(UserManager<>)) return true;
        if (depth > 3 || type.Assembly != typeof(ChanceryDbContext).Assembly) return false;
        return type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => UsesRequestContext(p.ParameterType, depth + 1));
    }
}
