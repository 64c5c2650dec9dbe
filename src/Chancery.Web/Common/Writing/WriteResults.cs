using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Common.Writing;

/// <summary>The one mapping from a write's outcome to HTTP: 200 or 201 with the record, 404, 400 with
/// every problem named by its field (words in the caller's language, codes beside them), 409 with the
/// stored record. Every write endpoint answers through here.</summary>
public static class WriteResults
{
    /// <summary>An update: 200 with the record.</summary>
    public static Results<Ok<T>, NotFound, ValidationProblem, ConflictProblem<T>> ToSaved<T>(this WriteOutcome<T> outcome, ErrorWords words)
        where T : class => outcome.Status switch
    {
        WriteStatus.Saved or WriteStatus.Created => TypedResults.Ok(outcome.Value!),
        WriteStatus.Invalid => Invalid(outcome.Problems!, words),
        WriteStatus.Conflict => Conflict(outcome.Current!, words),
        _ => TypedResults.NotFound(),
    };

    /// <summary>A creation: 201 with the record and its address.</summary>
    public static Results<Created<T>, NotFound, ValidationProblem, ConflictProblem<T>> ToCreated<T>(
        this WriteOutcome<T> outcome, ErrorWords words, Func<T, string> location)
        where T : class => outcome.Status switch
    {
        WriteStatus.Saved or WriteStatus.Created => TypedResults.Created(location(outcome.Value!), outcome.Value!),
        WriteStatus.Invalid => Invalid(outcome.Problems!, words),
        WriteStatus.Conflict => Conflict(outcome.Current!, words),
        _ => TypedResults.NotFound(),
    };

    /// <summary>A deletion or other write with nothing to show: 204.</summary>
    public static Results<NoContent, NotFound, ValidationProblem, ConflictProblem<T>> ToNoContent<T>(this WriteOutcome<T> outcome, ErrorWords words)
        where T : class => outcome.Status switch
    {
        WriteStatus.Saved or WriteStatus.Created => TypedResults.NoContent(),
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
    public static ConflictProblem<T> Conflict<T>(T current, ErrorWords words) where T : class => new(new ConflictBody<T>(
        "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        words.Word("ConflictTitle", []),
        StatusCodes.Status409Conflict,
        words.Word("ConflictDetail", []),
        current,
        (current as Concurrency.IVersionedRecord)?.Version,
        null));
}
