using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;
using Chancery.Web.Units;

namespace Chancery.Web.Directives;

/// <summary>One task of a directive, assigned to a lead unit. Tasks form a tree (<see cref="ParentId"/>):
/// a task with sub-tasks is their roll-up and is not counted itself. Nobody types a status: it is
/// derived from the deadline and the done date (<see cref="TaskTimeline"/>).</summary>
public sealed class DirectiveTask : IClassified, IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>The id the record carries in tasks.csv; re-imports match on it.</summary>
    public required string ExternalRef { get; set; }
    public int DirectiveId { get; set; }
    public Directive? Directive { get; set; }
    public int? ParentId { get; set; }
    public DirectiveTask? Parent { get; set; }
    public List<DirectiveTask> Children { get; set; } = [];
    public required string Title { get; set; }
    public int LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }
    /// <summary>Coordinating units' codes wrapped in ';' (";MOIT;MPI;"), a short list read whole.</summary>
    public string CoordinatingUnits { get; set; } = "";
    /// <summary>The deadline now in force (a sector day); null for a standing task. Earlier deadlines
    /// are kept in <see cref="DeadlineChanges"/> so a report "as of" a past date sees the past.</summary>
    public DateOnly? Deadline { get; set; }
    /// <summary>True once the deadline was ever changed (reports then read <see cref="DeadlineChanges"/>).</summary>
    public bool DeadlineMoved { get; set; }
    public List<TaskDeadlineChange> DeadlineChanges { get; set; } = [];
    /// <summary>The sector day the lead unit marked the task done (Asia/Ho_Chi_Minh), null while open.</summary>
    public DateOnly? DoneDate { get; set; }
    /// <summary>The sector day the task entered the register: a report as of an earlier day leaves it out,
    /// so a report read again later gives the same figures. An import records history: the directive's date.</summary>
    public DateOnly RecordedOn { get; set; }
    public bool KeyTask { get; set; }
    public string? IndicatorName { get; set; }
    public decimal? IndicatorTarget { get; set; }
    public string? IndicatorUnit { get; set; }
    public TaskRecurrence Recurrence { get; set; }
    /// <summary>For a recurring task: the series all its occurrences share, and the period this one
    /// covers ("2025-Q2"); (series, period) is unique, so closing one twice cannot make two successors.</summary>
    public string? SeriesKey { get; set; }
    public string? Period { get; set; }
    public string? Notes { get; set; }
    public List<TaskProgress> Progress { get; set; } = [];
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Internal;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => TextFolding.FoldAll(ExternalRef, Title, IndicatorName, CoordinatingUnits.Replace(';', ' '));

    public IReadOnlyList<string> CoordinatingList() => CoordinatingUnits.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinUnits(IEnumerable<string> codes)
    {
        var list = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        return list.Count == 0 ? "" : ";" + string.Join(';', list) + ";";
    }
}

/// <summary>How often a reporting task comes back ("report every quarter").</summary>
public enum TaskRecurrence
{
    None = 0,
    Monthly = 1,
    Quarterly = 2,
    SixMonthly = 3,
    Yearly = 4,
}

/// <summary>A deadline that was replaced: until <see cref="ChangedOn"/> (a sector day) the task's
/// deadline was <see cref="Previous"/>.</summary>
public sealed class TaskDeadlineChange
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateOnly ChangedOn { get; set; }
    public DateOnly? Previous { get; set; }
    public DateOnly? Next { get; set; }
}

/// <summary>A progress report on a task: how far it is, in words, by whom, with the indicator's actual
/// value on that date when the task has one.</summary>
public sealed class TaskProgress
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DirectiveTask? Task { get; set; }
    public DateOnly Date { get; set; }
    public int? Percent { get; set; }
    public required string Text { get; set; }
    public string? Author { get; set; }
    public string? AuthorUserId { get; set; }
    public decimal? IndicatorValue { get; set; }
}
