using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Writing;

/// <summary>The one mapping from a write's outcome to HTTP: 200 or 201 with the record, 404, 400 with
/// every problem named by its field (words in the caller's language, codes beside them), 409 with the
/// stored record. Every write endpoint answers through here.</summary>
public static class WriteResults
{
    public static Results<Ok<T>, Created<T>, NoContent, NotFound, ValidationProblem, ProblemHttpResult> ToHttp<T>(
        this WriteOutcome<T> outcome, ErrorWords words, Func<T, string>? location = null, bool noContent = false)
        where T : class => outcome.Status switch
    {
        WriteStatus.Saved when noContent => TypedResults.NoContent(),
        WriteStatus.Saved => TypedResults.Ok(outcome.Value!),
        WriteStatus.Created => TypedResults.Created(location?.Invoke(outcome.Value!), outcome.Value!),
        WriteStatus.Invalid => Invalid(outcome.Problems!, words),
        WriteStatus.Conflict => Conflict(outcome.Current!, words),
        _ => TypedResults.NotFound(),
    };

    public static ValidationProblem Invalid(Problems problems, ErrorWords words) => TypedResults.ValidationProblem(
        words.ByField(problems),
        title: words.Word("ValidationTitle", []),
        extensions: new Dictionary<string, object?>
        {
            ["codes"] = problems.All.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToArray()),
        });

    /// <summary>409 with the record as it is now, so the client can show what changed.</summary>
    public static ProblemHttpResult Conflict<T>(T current, ErrorWords words) where T : class => TypedResults.Problem(
        detail: words.Word("ConflictDetail", []),
        statusCode: StatusCodes.Status409Conflict,
        title: words.Word("ConflictTitle", []),
        extensions: new Dictionary<string, object?>
        {
            ["current"] = current,
            ["currentVersion"] = (current as Concurrency.IVersionedRecord)?.Version,
        });
}
