namespace Chancery.Web.Partners.Editing;

public enum EditStatus
{
    Saved,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The result of a save, shared by the API (mapped to 200/404/400/409) and the pages
/// (shown beside the form). On a conflict <see cref="Current"/> holds the stored record.</summary>
public sealed record EditOutcome<T>(EditStatus Status, T? Value, IDictionary<string, string[]>? Errors = null)
    where T : class
{
    public T? Current { get; init; }
    public static EditOutcome<T> Saved(T value) => new(EditStatus.Saved, value);
    public static EditOutcome<T> NotFound() => new(EditStatus.NotFound, null);
    public static EditOutcome<T> Invalid(IDictionary<string, string[]> errors) => new(EditStatus.Invalid, null, errors);
    public static EditOutcome<T> Conflict(T? current) => new(EditStatus.Conflict, null) { Current = current };
}
