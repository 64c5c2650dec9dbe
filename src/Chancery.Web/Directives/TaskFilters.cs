using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Directives;

/// <summary>The task lists a reader can ask for.</summary>
public enum TaskView
{
    /// <summary>The tasks of the reader's unit and the units below it.</summary>
    Mine = 1,
    /// <summary>Open tasks due within <c>days</c> (7 by default).</summary>
    DueSoon = 2,
    Overdue = 3,
    /// <summary>Every task whose deadline is in [from, to] (the timeline of deadlines).</summary>
    Deadlines = 4,
}

/// <summary>GET /api/v1/tasks: a view, narrowed by a status; the coded parameters are strict (an
/// unknown code is a 400 naming the parameter and the allowed values, never the unfiltered list).</summary>
public sealed record TaskListFilter(
    [property: CodeSet(typeof(TaskView))] string? View, int? Days, [property: CodeSet(typeof(TaskState))] string? Status, DateOnly? From, DateOnly? To)
{
    public const int MaxDays = 366;

    /// <summary>The view asked for (mine when none), or null with the problems.</summary>
    public (TaskView View, TaskState? Status, DateOnly From, DateOnly To)? Check(DateOnly today, Problems problems)
    {
        // "due-soon" was this API's first spelling; the kernel's codes are snake_case.
        var code = View?.Trim() == "due-soon" ? "due_soon" : View;
        var view = TaskView.Mine;
        if (!string.IsNullOrWhiteSpace(code) && !Codes<TaskView>.TryParse(code, out view))
            problems.Add("view", ErrorCodes.OneOf, string.Join(", ", Codes<TaskView>.All));
        Codes<TaskState>.CheckFilter(Status, "status", problems);
        TaskState? status = Codes<TaskState>.TryParse(Status, out var s) ? s : null;
        if (Days is < 0 or > MaxDays) problems.Add("days", ErrorCodes.Between, 0, MaxDays);
        var from = From ?? new DateOnly(today.Year, 1, 1);
        var to = To ?? new DateOnly(from.Year, 12, 31);
        if (to < from) problems.Add("to", ErrorCodes.EndBeforeStart);
        else if (to.DayNumber - from.DayNumber > MaxDays * 3) problems.Add("to", ErrorCodes.Between, IsoDate.Format(from), IsoDate.Format(from.AddDays(MaxDays * 3)));
        return problems.Any ? null : (view, status, from, to);
    }
}

/// <summary>GET /api/v1/directives (and its export): words searched, one classification level.</summary>
public sealed record DirectiveFilter(string? Q, [property: CodeSet(typeof(ClassificationLevel))] string? Classification)
{
    public ClassificationLevel? Check(Problems problems)
    {
        if (string.IsNullOrWhiteSpace(Classification)) return null;
        if (ClassificationLevels.TryParse(Classification, out var level)) return level;
        problems.Add("classification", ErrorCodes.OneOf, string.Join(", ", ClassificationLevels.Codes));
        return null;
    }
}
