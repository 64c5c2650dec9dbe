using System.Text.Json.Serialization;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common.Import;

/// <summary>One thing wrong with an import file: the line (1 is the header row), the column when one is
/// to blame, and why, as a code with its arguments (<see cref="ImportReasons"/>, or a shared
/// <see cref="ErrorCodes"/> one). <see cref="Reason"/> is the code in words, chosen at the edge by
/// <see cref="ErrorWords"/> like every other error of Chancery: in the API caller's Accept-Language
/// (<see cref="ImportHttp"/>), in the page's language on a page (ImportPanel).</summary>
public sealed record ImportProblem(int Line, string? Column, string Code)
{
    [JsonIgnore] public IReadOnlyList<object?> Args { get; init; } = [];

    /// <summary>The code in words; the code itself until the problem is worded for its reader.</summary>
    public string Reason { get; init; } = Code;

    public ImportProblem Worded(ErrorWords words) => this with { Reason = words.Word(Code, Args) };
}

/// <summary>Collects problems while a file is read, parsed and checked. Nothing is stored while it
/// holds any. It keeps the first <see cref="ListLimit"/> and counts the rest, so that a file wrong on
/// every line cannot make an answer of hundreds of thousands of problems.</summary>
public sealed class ImportProblems
{
    /// <summary>How many problems a file's answer lists; past it, only a count ("and N more").</summary>
    public const int ListLimit = 1000;

    private readonly List<ImportProblem> _items = [];
    private int _total;
    // What WriteGuard found for the row being checked; replaced once it found something (rows are
    // 100,000 in a national file, and nearly all of them are fine).
    private Problems _guard = new();
    /// <summary>The problems kept (at most <see cref="ListLimit"/>).</summary>
    public IReadOnlyList<ImportProblem> Items => _items;
    /// <summary>Every problem met, kept or only counted.</summary>
    public int Total => _total;
    public bool Any => _total > 0;

    public void Add(int line, string? column, ImportReason reason) =>
        Keep(new ImportProblem(line, column, reason.Code) { Args = reason.Args });

    /// <summary>A problem a shared rule found: its field is the column.</summary>
    public void Add(int line, FieldProblem problem) =>
        Keep(new ImportProblem(line, problem.Field, problem.Code) { Args = problem.Args });

    private void Keep(ImportProblem problem)
    {
        _total++;
        if (_items.Count < ListLimit) _items.Add(problem);
    }

    /// <summary>The level to store for a row, by the rule of every write (<see cref="WriteGuard.Classification"/>:
    /// nothing above the importer's clearance; a row that leaves the level out keeps the <paramref name="stored"/>
    /// record's, a new record takes <paramref name="fallback"/>); null with a problem on the row's classification column.</summary>
    public ClassificationLevel? Classification(int line, ClassificationLevel? given, ClassificationLevel clearance,
        ClassificationLevel? stored, ClassificationLevel fallback)
    {
        var level = WriteGuard.Classification(given?.ToCode(), clearance, stored, fallback, _guard);
        if (!_guard.Any) return level;
        foreach (var problem in _guard.All) Add(line, problem);
        _guard = new Problems();
        return level;
    }
}
