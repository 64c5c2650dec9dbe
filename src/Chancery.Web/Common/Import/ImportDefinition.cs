namespace Chancery.Web.Common.Import;

/// <summary>A column of an import format, with the value the template's example row gives it (a row
/// that imports as it is: the template is proven by importing it).</summary>
public sealed record ImportColumn(string Name, bool Required = false, string? Example = null);

/// <summary>What one module contributes to the shared import pipeline: its columns, how a row is
/// parsed, the row's key (re-importing the same key updates instead of duplicating), and a run that
/// checks parsed rows against the database and stores them. The pipeline does the rest: reading CSV or
/// XLSX, checking the header, duplicate keys, collecting every problem, the preview, the transaction.</summary>
public abstract class ImportDefinition<TRow> where TRow : class
{
    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Parses one row, recording a problem on the reader for every wrong cell (not only the
    /// first). A row with problems is still returned, with stand-ins for its wrong cells: the pipeline
    /// marks it <see cref="ParsedRow{TRow}.Flawed"/> and the run checks the rest of it against the
    /// database, so the file's every problem is listed at once; a flawed row is never stored. Null only
    /// when nothing more can be checked. Called by the pipeline's reading task, one row at a time, in file order.</summary>
    public abstract TRow? Parse(ImportRowReader row);

    /// <summary>The row's key within the file and against stored records.</summary>
    public abstract string KeyOf(TRow row);

    /// <summary>How many rows the pipeline hands to the run at a time. The whole file by default; a
    /// definition built for national size (100,000 rows) takes batches, so that only a batch is held
    /// and the file is stored while the rest of it is still being read.</summary>
    public virtual int BatchSize => int.MaxValue;

    /// <summary>Begins one import of one file: the run holds whatever it keeps between batches.</summary>
    public abstract ImportRun<TRow> Start();

    /// <summary>The values each coded column accepts, named in the current culture (the import page
    /// lists them, the template's second sheet and the codes download carry them).</summary>
    public virtual Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ImportCodeList>>([]);

    /// <summary>What the preview shows of a planned row besides its key: its date and a title (in the
    /// current culture), so the reader recognises the row without opening the file.</summary>
    public virtual ImportRowSummary Describe(PlannedRow<TRow> row) => new(null, null);
}

/// <summary>A planned row as the preview names it: its date (as the file gives it) and a title.</summary>
public sealed record ImportRowSummary(string? Date, string? Title);

/// <summary>One import of one file, batch by batch, in file order. All-or-nothing is the pipeline's:
/// it stops calling <see cref="WriteAsync"/> at the first problem and rolls the transaction back.</summary>
public abstract class ImportRun<TRow> where TRow : class
{
    /// <summary>Checks a batch against the database (unknown references) and works out what each row
    /// would change. Records problems; stores nothing. A <see cref="ParsedRow{TRow}.Flawed"/> row is
    /// only checked (its cells that parsed), never planned.</summary>
    public abstract Task<IReadOnlyList<PlannedRow<TRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<TRow>> batch, ImportProblems problems, CancellationToken ct);

    /// <summary>Stores a planned batch, inside the pipeline's transaction. Called only while no row of
    /// the file so far has a problem, never on a dry run, and only for a batch that changes something.</summary>
    public abstract Task WriteAsync(IReadOnlyList<PlannedRow<TRow>> batch, CancellationToken ct);

    /// <summary>After the last batch: the checks that need the whole file (e.g. a link to a row further
    /// down), then, when <paramref name="write"/>, what could only be stored at the end.</summary>
    public virtual Task FinishAsync(ImportProblems problems, bool write, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A definition for files of modest size, checked and stored as one batch.</summary>
public abstract class WholeFileImportDefinition<TRow> : ImportDefinition<TRow> where TRow : class
{
    public abstract Task<IReadOnlyList<PlannedRow<TRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<TRow>> rows, ImportProblems problems, CancellationToken cancellationToken);

    /// <summary>Stores the planned creates and updates. Runs inside the pipeline's transaction.</summary>
    public abstract Task ApplyAsync(IReadOnlyList<PlannedRow<TRow>> plan, CancellationToken cancellationToken);

    public sealed override ImportRun<TRow> Start() => new WholeFileRun(this);

    private sealed class WholeFileRun(WholeFileImportDefinition<TRow> definition) : ImportRun<TRow>
    {
        public override Task<IReadOnlyList<PlannedRow<TRow>>> PlanAsync(
            IReadOnlyList<ParsedRow<TRow>> batch, ImportProblems problems, CancellationToken ct) => definition.PlanAsync(batch, problems, ct);

        public override Task WriteAsync(IReadOnlyList<PlannedRow<TRow>> batch, CancellationToken ct) => definition.ApplyAsync(batch, ct);
    }
}

public sealed record ParsedRow<TRow>(int Line, string Key, TRow Value)
{
    /// <summary>Some cells of the row were wrong (their problems are recorded) and hold stand-ins: the
    /// run checks the row's other cells, but does not plan it, and its key may be a stand-in's.</summary>
    public bool Flawed { get; init; }
}

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
