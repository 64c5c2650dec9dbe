using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Writing;

/// <summary>The classification rules every write obeys, on every path (API, pages, imports): nothing
/// is stored above the writer's own clearance, and a stored record keeps its level unless the input
/// names another one (an input that leaves the level out never declassifies a record).</summary>
public static class WriteGuard
{
    /// <summary>The level to store, or null with a problem recorded against <paramref name="field"/>.
    /// <paramref name="stored"/> is the record's current level (null for a new record, which takes
    /// <paramref name="fallback"/> when the input names none).</summary>
    public static ClassificationLevel? Classification(
        string? code, ClassificationLevel clearance, ClassificationLevel? stored, ClassificationLevel fallback,
        Problems problems, string field = "classification")
    {
        ClassificationLevel level;
        if (string.IsNullOrWhiteSpace(code)) level = stored ?? fallback;
        else if (!ClassificationLevels.TryParse(code, out level))
        {
            problems.Add(field, ErrorCodes.OneOf, string.Join(", ", ClassificationLevels.Codes));
            return null;
        }
        if (level > clearance)
        {
            problems.Add(field, ErrorCodes.AboveClearance);
            return null;
        }
        return level;
    }
}
