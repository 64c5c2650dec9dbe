namespace Chancery.Web.Directives;

/// <summary>A task's status, as the Government Office counts it; derived, never typed.</summary>
public enum TaskState
{
    InProgress = 1,
    Overdue = 2,
    DoneOnTime = 3,
    DoneLate = 4,
}

/// <summary>A task's state on a day, with the deadline it was judged against (null: a standing task).</summary>
public readonly record struct TaskStanding(TaskState State, DateOnly? Deadline)
{
    public bool IsStanding => Deadline is null;
    public bool IsDone => State is TaskState.DoneOnTime or TaskState.DoneLate;
}

/// <summary>What the status of a task depends on, and the one rule that derives it "as of" any sector
/// day (DOMAIN, task scoreboard). Days are Asia/Ho_Chi_Minh days (SectorDay), so a task marked done at
/// 00:30 in Hanoi carries the next day's date even though it is still the day before in UTC.
/// Looking at a past day shows the past: a task done later was not done then; a task recorded later did
/// not exist then; the deadline is the one in force then. A done task is judged against the deadline in
/// force on the day it was done, so moving a deadline afterwards does not turn "late" into "on time".</summary>
public sealed record TaskTimeline(DateOnly? Deadline, DateOnly? DoneDate, DateOnly RecordedOn, IReadOnlyList<TaskDeadlineChange> Changes)
{
    /// <summary>The deadline in force at the end of <paramref name="day"/>.</summary>
    public DateOnly? DeadlineOn(DateOnly day)
    {
        TaskDeadlineChange? firstLater = null;
        foreach (var change in Changes)
            if (change.ChangedOn > day && (firstLater is null || change.ChangedOn < firstLater.ChangedOn || (change.ChangedOn == firstLater.ChangedOn && change.Id < firstLater.Id)))
                firstLater = change;
        return firstLater is null ? Deadline : firstLater.Previous;
    }

    /// <summary>The state at the end of <paramref name="asOf"/>; null when the task was not yet recorded.</summary>
    public TaskStanding? On(DateOnly asOf)
    {
        if (RecordedOn > asOf) return null;
        if (DoneDate is { } done && done <= asOf)
        {
            var judged = DeadlineOn(done);
            return new TaskStanding(judged is null || done <= judged ? TaskState.DoneOnTime : TaskState.DoneLate, judged);
        }
        var deadline = DeadlineOn(asOf);
        return new TaskStanding(deadline is { } d && d < asOf ? TaskState.Overdue : TaskState.InProgress, deadline);
    }
}
