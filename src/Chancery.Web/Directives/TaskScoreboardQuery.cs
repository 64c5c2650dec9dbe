using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>Computes the scoreboard over the tasks the reader may see (the classification filter on
/// tasks and on their directives), so a reader with a lower clearance gets figures without what is
/// hidden from them. Everything it counts is dated in the register (deadline history, done date, the
/// day the task was recorded), so the figures as of a past day do not change when read again.</summary>
public sealed class TaskScoreboardQuery(ChanceryDbContext db)
{
    private sealed record Row(int Id, string UnitCode, string UnitVi, string UnitEn, DateOnly? Deadline, bool Moved, DateOnly? DoneDate,
        DateOnly RecordedOn, bool KeyTask, DateOnly DirectiveDate);

    public async Task<TaskScoreboard> ComputeAsync(DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        // Candidates: leaves (a task with sub-tasks is their roll-up) recorded by the day, whose current
        // deadline is in the period, or whose deadline moved (judged below), or standing.
        var rows = await db.DirectiveTasks.AsNoTracking()
            .Where(t => !db.Set<DirectiveTask>().Any(c => c.ParentId == t.Id))
            .Where(t => t.RecordedOn <= asOf)
            .Where(t => (t.Deadline >= from && t.Deadline <= to) || t.DeadlineMoved || (t.Deadline == null && t.Directive!.Date <= to))
            .Select(t => new Row(t.Id, t.LeadUnit!.Code, t.LeadUnit.NameVi, t.LeadUnit.NameEn, t.Deadline, t.DeadlineMoved, t.DoneDate,
                t.RecordedOn, t.KeyTask, t.Directive!.Date))
            .ToListAsync(ct);
        var movedIds = rows.Where(r => r.Moved).Select(r => r.Id).ToList();
        var changes = movedIds.Count == 0 ? [] : await db.TaskDeadlineChanges.AsNoTracking().Where(c => movedIds.Contains(c.TaskId)).ToListAsync(ct);
        var changesOf = changes.ToLookup(c => c.TaskId);

        var total = new ScoreTally();
        var totalKey = new ScoreTally();
        var units = new SortedDictionary<string, (string Name, ScoreTally All, ScoreTally Key)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var timeline = new TaskTimeline(row.Deadline, row.DoneDate, row.RecordedOn, changesOf[row.Id].ToList());
            if (timeline.On(asOf) is not { } standing) continue;
            if (!InPeriod(standing, row.DirectiveDate, from, to)) continue;
            if (!units.TryGetValue(row.UnitCode, out var unit))
                units[row.UnitCode] = unit = (LocalizationSetup.IsVietnamese ? row.UnitVi : row.UnitEn, new ScoreTally(), new ScoreTally());
            total.Add(standing);
            unit.All.Add(standing);
            if (!row.KeyTask) continue;
            totalKey.Add(standing);
            unit.Key.Add(standing);
        }
        var list = units.Select(u =>
        {
            var s = u.Value.All.ToScore();
            return new UnitTaskScore(u.Key, u.Value.Name, s.Tasks, s.DoneOnTime, s.DoneLate, s.InProgress, s.Overdue, s.Standing, s.OnTimeRate, u.Value.Key.ToScore());
        }).ToList();
        return new TaskScoreboard(asOf, from, to, total.ToScore(totalKey.ToScore()), list);
    }

    /// <summary>A task belongs to the period when the deadline it is judged against is in it; a standing
    /// task when its directive is dated on or before the period's end.</summary>
    public static bool InPeriod(TaskStanding standing, DateOnly directiveDate, DateOnly from, DateOnly to) =>
        standing.Deadline is { } d ? d >= from && d <= to : directiveDate <= to;
}
