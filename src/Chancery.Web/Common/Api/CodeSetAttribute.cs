namespace Chancery.Web.Common.Api;

/// <summary>Marks a string property or parameter that holds one of a set of codes, so the OpenAPI
/// document lists the allowed values as an enum (generated clients get the values, not a free string).
/// <paramref name="codes"/> is an enum (its <see cref="Codes{T}"/> snake_case codes) or a class with a
/// static <c>All</c> list of strings (like Roles).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CodeSetAttribute(Type codes) : Attribute
{
    public IReadOnlyList<string> Values { get; } = Read(codes);

    private static IReadOnlyList<string> Read(Type codes)
    {
        var source = codes.IsEnum ? typeof(Codes<>).MakeGenericType(codes) : codes;
        var all = source.GetProperty("All")?.GetValue(null) ?? source.GetField("All")?.GetValue(null)
            ?? throw new ArgumentException($"{codes.Name} is neither an enum nor a class with a static All list.", nameof(codes));
        return ((IEnumerable<string>)all).ToArray();
    }
}
