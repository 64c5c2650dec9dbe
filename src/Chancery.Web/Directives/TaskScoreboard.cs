namespace Chancery.Web.Directives;

/// <summary>The Government Office's four counters for a group of tasks, with the standing tasks beside
/// them and the on-time rate (null when nothing was due or done). <see cref="KeyTasks"/> counts the key
/// tasks apart, as the Office reports them.</summary>
public sealed record TaskScore(int Tasks, int DoneOnTime, int DoneLate, int InProgress, int Overdue, int Standing, decimal? OnTimeRate,
    TaskScore? KeyTasks = null);

/// <summary>One lead unit's counters.</summary>
public sealed record UnitTaskScore(string Unit, string UnitName, int Tasks, int DoneOnTime, int DoneLate, int InProgress, int Overdue, int Standing,
    decimal? OnTimeRate, TaskScore? KeyTasks);

/// <summary>GET /api/v1/reports/task-scoreboard: every counted task under its lead unit, as of a sector day.</summary>
public sealed record TaskScoreboard(DateOnly AsOf, DateOnly From, DateOnly To, TaskScore Total, IReadOnlyList<UnitTaskScore> Units);

/// <summary>Adds tasks up into counters. Pure, so the rules are tested by hand without a database.</summary>
public sealed class ScoreTally
{
    private int _onTime, _late, _inProgress, _overdue, _standing;

    /// <summary>Counts a task's state as of the report's day. A standing task not done counts in
    /// <c>standing</c> only; a done standing task is in none (DOMAIN).</summary>
    public void Add(TaskStanding standing)
    {
        if (standing.IsStanding)
        {
            if (!standing.IsDone) _standing++;
            return;
        }
        switch (standing.State)
        {
            case TaskState.DoneOnTime: _onTime++; break;
            case TaskState.DoneLate: _late++; break;
            case TaskState.Overdue: _overdue++; break;
            default: _inProgress++; break;
        }
    }

    /// <summary>Adds counters the database counted (tasks whose deadline never moved).</summary>
    public void Add(int onTime, int late, int overdue, int inProgress, int standing)
    {
        _onTime += onTime;
        _late += late;
        _overdue += overdue;
        _inProgress += inProgress;
        _standing += standing;
    }

    public void Add(ScoreTally other) => Add(other._onTime, other._late, other._overdue, other._inProgress, other._standing);

    public TaskScore ToScore(TaskScore? keyTasks = null) =>
        new(_onTime + _late + _inProgress + _overdue, _onTime, _late, _inProgress, _overdue, _standing, Rate(_onTime, _late, _overdue), keyTasks);

    /// <summary>done on time / (done on time + done late + overdue), four decimals; null over zero.</summary>
    public static decimal? Rate(int onTime, int late, int overdue)
    {
        var denominator = onTime + late + overdue;
        return denominator == 0 ? null : Math.Round((decimal)onTime / denominator, 4, MidpointRounding.AwayFromZero);
    }
}
