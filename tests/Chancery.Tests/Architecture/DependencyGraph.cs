using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Chancery.Tests.Architecture;

/// <summary>One reference from a type in one area (a top-level folder: a module or the kernel) to a
/// type in another, read from the compiled IL, method bodies included, so nothing a reflection-only
/// check would miss (a local variable, a lambda, a Razor page's markup) escapes.</summary>
public sealed record CrossReference(string FromArea, string FromType, string ToArea, string ToType, bool ToPublicSurface);

/// <summary>Reads which areas of an assembly use which. An area is the first namespace segment under
/// <c>root</c> (<c>Chancery.Web.Partners.Pages</c> is in <c>Partners</c>); its public surface is the
/// types directly in <c>root.Area</c>, everything in a deeper namespace (<c>.Pages</c>, <c>.Editing</c>,
/// <c>.Components</c> …) is its own business.</summary>
public static class DependencyGraph
{
    public static IReadOnlyList<CrossReference> Read(string assemblyPath, string root)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new HashSet<CrossReference>();
        foreach (var type in module.GetTypes())
        {
            var from = Locate(type, root);
            if (from is null) continue;
            foreach (var target in ReferencedTypes(type))
            {
                var to = Locate(target, root);
                if (to is null || from.Value.Area == to.Value.Area || from.Value.Area.Length == 0 || to.Value.Area.Length == 0) continue;
                found.Add(new CrossReference(from.Value.Area, Outer(type).FullName, to.Value.Area, Outer(target).FullName, to.Value.PublicSurface));
            }
        }
        return [.. found];
    }

    /// <summary>Areas reached from each area: the module graph.</summary>
    public static Dictionary<string, HashSet<string>> Edges(IEnumerable<CrossReference> references)
    {
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var r in references)
            (edges.TryGetValue(r.FromArea, out var set) ? set : edges[r.FromArea] = []).Add(r.ToArea);
        return edges;
    }

    /// <summary>Every cycle's areas (strongly connected components with more than one area).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(Dictionary<string, HashSet<string>> edges)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v)).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        foreach (var node in nodes)
            if (!indices.ContainsKey(node)) Visit(node);
        return cycles;

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? [])
            {
                if (!indices.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) cycles.Add([.. component.OrderBy(c => c, StringComparer.Ordinal)]);
        }
    }

    private static TypeReference Outer(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>(area, is it the area's public surface) of a type, or null outside <paramref name="root"/>.
    /// Razor's generated helper types (<c>__Blazor.Chancery.Web…</c>) count as the page they serve.</summary>
    private static (string Area, bool PublicSurface)? Locate(TypeReference type, string root)
    {
        var ns = Outer(type).Namespace;
        if (ns.StartsWith("__Blazor.", StringComparison.Ordinal)) ns = ns["__Blazor.".Length..];
        if (ns == root) return ("", true);
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? (rest, true) : (rest[..dot], false);
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var seen = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null: return;
                case GenericInstanceType g: Add(g.ElementType); foreach (var a in g.GenericArguments) Add(a); return;
                case TypeSpecification s: Add(s.ElementType); return;
                case GenericParameter: return;
                default: seen.Add(t); return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) Add(a);
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes) return;
            foreach (var a in provider.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments) if (arg.Value is TypeReference tr) Add(tr);
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var f in type.Fields) { Add(f.FieldType); AddAttributes(f); }
        foreach (var p in type.Properties) { Add(p.PropertyType); AddAttributes(p); }
        foreach (var m in type.Methods)
        {
            AddMethod(m);
            AddAttributes(m);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference mr: AddMethod(mr); break;
                    case FieldReference fr: Add(fr.DeclaringType); Add(fr.FieldType); break;
                }
            }
        }
        return seen;
    }
}
