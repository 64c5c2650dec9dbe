namespace Chancery.Web.Common.Writing;

/// <summary>The codes every module shares; their words are in ErrorText.resx (English) and
/// ErrorText.vi.resx. A module's own codes live in its own text resources, registered with
/// <c>AddErrorTexts</c>.</summary>
public static class ErrorCodes
{
    /// <summary>The field must be given.</summary>
    public const string Required = "Required";
    /// <summary>{0}: the longest length allowed.</summary>
    public const string TooLong = "TooLong";
    /// <summary>Control characters (NUL, escapes …) are refused in text.</summary>
    public const string ControlCharacters = "ControlCharacters";
    /// <summary>{0}: the allowed codes, comma-separated.</summary>
    public const string OneOf = "OneOf";
    /// <summary>The value is not a date (YYYY-MM-DD).</summary>
    public const string Date = "Date";
    /// <summary>{0}, {1}: the smallest and largest values allowed.</summary>
    public const string Between = "Between";
    /// <summary>An end before its start.</summary>
    public const string EndBeforeStart = "EndBeforeStart";
    /// <summary>A record may not be stored above its writer's clearance.</summary>
    public const string AboveClearance = "AboveClearance";
    /// <summary>A reference to a record that does not exist (or that the writer cannot see: the
    /// answer is the same, so a refusal reveals nothing).</summary>
    public const string NotFound = "NotFound";
    /// <summary>{0}: the value already used by another record.</summary>
    public const string Taken = "Taken";
    /// <summary>Updates must name the version they started from.</summary>
    public const string VersionRequired = "VersionRequired";
}
