using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Api;

/// <summary>The older 409 answer, in English only. Superseded by <c>WriteResults.Conflict</c> (worded in the
/// caller's language); it stays only while the Activities endpoints still call it.</summary>
public static class ConcurrencyConflict
{
    /// <summary>409 with the record as it is now, so the client can show what changed.</summary>
    public static ProblemHttpResult Problem(object current, int currentVersion) => TypedResults.Problem(
        detail: "Someone else saved this record after you opened it. Your change was not saved; the current values are in 'current'.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Edit conflict",
        extensions: new Dictionary<string, object?> { ["current"] = current, ["currentVersion"] = currentVersion });
}
