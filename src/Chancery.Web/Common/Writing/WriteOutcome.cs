namespace Chancery.Web.Common.Writing;

public enum WriteStatus { Saved, Created, NotFound, Invalid, Conflict }

/// <summary>What a write service answers, for the API (mapped to 200/201/404/400/409 by
/// <see cref="WriteResults"/>) and the pages (the record, the problems beside their fields, or the
/// conflict notice) alike. On a conflict <see cref="Current"/> is the record as it is stored now.</summary>
public sealed record WriteOutcome<T>(WriteStatus Status, T? Value, Problems? Problems = null, T? Current = null)
    where T : class
{
    public bool Succeeded => Status is WriteStatus.Saved or WriteStatus.Created;

    public static WriteOutcome<T> Saved(T value) => new(WriteStatus.Saved, value);
    public static WriteOutcome<T> Created(T value) => new(WriteStatus.Created, value);
    public static WriteOutcome<T> NotFound() => new(WriteStatus.NotFound, null);
    public static WriteOutcome<T> Invalid(Problems problems) => new(WriteStatus.Invalid, null, problems);
    public static WriteOutcome<T> Conflict(T? current) =>
        current is null ? NotFound() : new(WriteStatus.Conflict, null, null, current);
}
