namespace Chancery.Web.Common.Classification;

/// <summary>Security classification of a record, in ascending order of sensitivity.
/// The numeric order matters: a user sees a record when their clearance is at least its level.</summary>
public enum ClassificationLevel
{
    Public = 0,
    Internal = 1,
    Confidential = 2, // Mật
    Secret = 3,       // Tối mật
    TopSecret = 4,    // Tuyệt mật
}

public static class ClassificationLevels
{
    private static readonly Dictionary<string, ClassificationLevel> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["public"] = ClassificationLevel.Public,
        ["internal"] = ClassificationLevel.Internal,
        ["confidential"] = ClassificationLevel.Confidential,
        ["secret"] = ClassificationLevel.Secret,
        ["top_secret"] = ClassificationLevel.TopSecret,
    };

    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    public static string ToCode(this ClassificationLevel level) => level switch
    {
        ClassificationLevel.Public => "public",
        ClassificationLevel.Internal => "internal",
        ClassificationLevel.Confidential => "confidential",
        ClassificationLevel.Secret => "secret",
        ClassificationLevel.TopSecret => "top_secret",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParse(string? code, out ClassificationLevel level) =>
        ByCode.TryGetValue(code?.Trim() ?? "", out level);
}
