namespace Chancery.Tests.Architecture;

/// <summary>The module boundaries, read from the compiled application: the shared kernel (Common,
/// Data, Components) uses no module; a module uses another only through that module's public surface
/// (its root namespace), never its pages, components or internals; and no two modules depend on each
/// other, directly or around a loop.</summary>
public sealed class ModuleBoundaryTests
{
    public static readonly string[] Kernel = ["Common", "Data", "Components"];

    private static readonly Lazy<IReadOnlyList<CrossReference>> App = new(() =>
        DependencyGraph.Read(typeof(Chancery.Web.ChanceryApp).Assembly.Location, "Chancery.Web"));

    [Fact]
    public void The_kernel_uses_no_module() =>
        Describe(KernelViolations(App.Value)).ShouldBeEmpty();

    [Fact]
    public void Modules_use_each_other_only_through_their_public_surface() =>
        Describe(InternalsReached(App.Value)).ShouldBeEmpty();

    /// <summary>A failure lists each edge inside a loop with one reference that makes it.</summary>
    [Fact]
    public void Modules_depend_on_each_other_without_a_cycle()
    {
        var references = App.Value.Where(r => !Kernel.Contains(r.ToArea)).ToList();
        var loops = DependencyGraph.Cycles(DependencyGraph.Edges(references));
        loops.SelectMany(loop => references
                .Where(r => loop.Contains(r.FromArea) && loop.Contains(r.ToArea))
                .GroupBy(r => (r.FromArea, r.ToArea))
                .Select(g => $"{g.Key.FromArea} -> {g.Key.ToArea} (e.g. {Short(g.First().FromType)} uses {Short(g.First().ToType)})"))
            .Order(StringComparer.Ordinal).ShouldBeEmpty();
    }

    /// <summary>The rules above, run on a small set of types built to break each of them
    /// (Fixture/BrokenModules.cs), find every break: the checks can fail.</summary>
    [Fact]
    public void The_checks_find_each_kind_of_break()
    {
        var references = DependencyGraph.Read(typeof(ModuleBoundaryTests).Assembly.Location, Fixture.BrokenModules.Root);

        Describe(KernelViolations(references)).ShouldBe(["Common.Helper -> Alpha.AlphaRecord"]);
        Describe(InternalsReached(references)).ShouldBe(["Alpha.Pages.AlphaPage -> Beta.Internal.BetaSecret"]);
        DependencyGraph.Cycles(DependencyGraph.Edges(references.Where(r => !Kernel.Contains(r.ToArea))))
            .Select(c => string.Join(" <-> ", c)).ShouldBe(["Alpha <-> Beta"]);
    }

    private static IEnumerable<CrossReference> KernelViolations(IEnumerable<CrossReference> references) =>
        references.Where(r => Kernel.Contains(r.FromArea) && !Kernel.Contains(r.ToArea));

    private static IEnumerable<CrossReference> InternalsReached(IEnumerable<CrossReference> references) =>
        references.Where(r => !Kernel.Contains(r.FromArea) && !Kernel.Contains(r.ToArea) && !r.ToPublicSurface);

    private static List<string> Describe(IEnumerable<CrossReference> references) =>
        references.Select(r => $"{Short(r.FromType)} -> {Short(r.ToType)}").Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Short(string fullName)
    {
        foreach (var root in new[] { "Chancery.Web.", Fixture.BrokenModules.Root + "." })
            if (fullName.StartsWith(root, StringComparison.Ordinal)) return fullName[root.Length..];
        return fullName;
    }
}
