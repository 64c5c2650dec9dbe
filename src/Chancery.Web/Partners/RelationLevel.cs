namespace Chancery.Web.Partners;

/// <summary>The relationship-framework ladder, lowest rung first, with the special relations beside
/// it. The numeric order is the ranking used for sorting ("highest first").</summary>
public enum RelationLevel
{
    Comprehensive = 1,
    Strategic = 2,
    ComprehensiveStrategic = 3,
    Special = 4,
}

public static class RelationLevels
{
    private static readonly Dictionary<string, RelationLevel> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["comprehensive"] = RelationLevel.Comprehensive,
        ["strategic"] = RelationLevel.Strategic,
        ["comprehensive_strategic"] = RelationLevel.ComprehensiveStrategic,
        ["special"] = RelationLevel.Special,
    };

    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    public static string ToCode(this RelationLevel level) => level switch
    {
        RelationLevel.Comprehensive => "comprehensive",
        RelationLevel.Strategic => "strategic",
        RelationLevel.ComprehensiveStrategic => "comprehensive_strategic",
        RelationLevel.Special => "special",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParse(string? code, out RelationLevel level) => ByCode.TryGetValue(code?.Trim() ?? "", out level);
}
