namespace Chancery.Web.Common.Import;

/// <summary>A column of an import format.</summary>
public sealed record ImportColumn(string Name, bool Required = false);

/// <summary>What one module contributes to the shared import pipeline: its columns, how a row is
/// parsed, the row's key (re-importing the same key updates instead of duplicating), and how parsed
/// rows are checked against the database and stored. The pipeline does the rest: reading CSV or XLSX,
/// checking the header, collecting every problem, the preview, and the single transaction.</summary>
public abstract class ImportDefinition<TRow> where TRow : class
{
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Parses one row, recording problems on the reader; returns null when the row is unusable.</summary>
    public abstract TRow? Parse(ImportRowReader row);

    /// <summary>The row's key within the file and against stored records.</summary>
    public abstract string KeyOf(TRow row);

    /// <summary>Checks rows against the database (unknown references) and works out what each would
    /// change. Records problems; stores nothing.</summary>
    public abstract Task<IReadOnlyList<PlannedRow<TRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<TRow>> rows, ImportProblems problems, CancellationToken cancellationToken);

    /// <summary>Stores the planned creates and updates. Runs inside the pipeline's transaction.</summary>
    public abstract Task ApplyAsync(IReadOnlyList<PlannedRow<TRow>> plan, CancellationToken cancellationToken);
}

public sealed record ParsedRow<TRow>(int Line, string Key, TRow Value);

public enum ImportAction
{
    Create = 1,
    Update = 2,
    Unchanged = 3,
}

/// <summary>What importing one row would do, with the fields it changes (for the preview).</summary>
public sealed record PlannedRow<TRow>(int Line, string Key, ImportAction Action, TRow Value, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>Set by the definition while planning, used while applying (e.g. the stored entity).</summary>
    public object? Target { get; init; }
}

public sealed record FieldChange(string Field, string? Before, string? After);
