using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>Computes the scoreboard over the tasks the reader may see (the classification filter on
/// tasks and on their directives), so a reader with a lower clearance gets figures without what is
/// hidden from them. Everything it counts is dated in the register (deadline history, done date, the
/// day the task was recorded), so the figures as of a past day do not change when read again.
/// Most tasks keep the deadline they were given: the database counts those per unit (the rule of
/// <see cref="TaskTimeline"/> written as SQL conditions, one row per unit back); the few whose deadline
/// moved are read and judged one by one against their history. Both add into the same tallies.</summary>
public sealed class TaskScoreboardQuery(ChanceryDbContext db)
{
    private sealed record Row(int Id, int UnitId, string Code, string NameVi, string NameEn, DateOnly? Deadline, DateOnly? DoneDate, DateOnly RecordedOn, bool KeyTask, DateOnly DirectiveDate);

    private sealed record Counts(int UnitId, string Code, string NameVi, string NameEn, bool KeyTask, int OnTime, int Late, int Overdue, int InProgress, int Standing);

    public async Task<TaskScoreboard> ComputeAsync(DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        // Leaves (a task with sub-tasks is their roll-up) recorded by the day, of a directive the reader may see.
        var leaves = from t in db.DirectiveTasks.AsNoTracking()
                     join d in db.Directives on t.DirectiveId equals d.Id
                     join u in db.Units on t.LeadUnitId equals u.Id
                     where !db.Set<DirectiveTask>().Any(c => c.ParentId == t.Id) && t.RecordedOn <= asOf
                     select new { Task = t, DirectiveDate = d.Date, u.Code, u.NameVi, u.NameEn };

        // Deadline never moved: the deadline now is the one of every day; its period is its deadline's.
        var counted = await leaves
            .Where(x => !x.Task.DeadlineMoved && ((x.Task.Deadline >= from && x.Task.Deadline <= to) || (x.Task.Deadline == null && x.DirectiveDate <= to)))
            .GroupBy(x => new { x.Task.LeadUnitId, x.Code, x.NameVi, x.NameEn, x.Task.KeyTask })
            .Select(g => new Counts(g.Key.LeadUnitId, g.Key.Code, g.Key.NameVi, g.Key.NameEn, g.Key.KeyTask,
                g.Count(x => x.Task.Deadline != null && x.Task.DoneDate <= asOf && x.Task.DoneDate <= x.Task.Deadline),
                g.Count(x => x.Task.Deadline != null && x.Task.DoneDate <= asOf && x.Task.DoneDate > x.Task.Deadline),
                g.Count(x => x.Task.Deadline != null && (x.Task.DoneDate == null || x.Task.DoneDate > asOf) && x.Task.Deadline < asOf),
                g.Count(x => x.Task.Deadline != null && (x.Task.DoneDate == null || x.Task.DoneDate > asOf) && x.Task.Deadline >= asOf),
                g.Count(x => x.Task.Deadline == null && (x.Task.DoneDate == null || x.Task.DoneDate > asOf))))
            .ToListAsync(ct);

        // Deadline moved: judged against the deadline in force on the day (TaskTimeline), whatever it is now.
        var moved = await leaves.Where(x => x.Task.DeadlineMoved)
            .Select(x => new Row(x.Task.Id, x.Task.LeadUnitId, x.Code, x.NameVi, x.NameEn, x.Task.Deadline, x.Task.DoneDate, x.Task.RecordedOn, x.Task.KeyTask, x.DirectiveDate))
            .ToListAsync(ct);
        var movedIds = moved.Select(r => r.Id).ToList();
        var changes = movedIds.Count == 0 ? [] : await db.TaskDeadlineChanges.AsNoTracking().Where(c => movedIds.Contains(c.TaskId)).ToListAsync(ct);
        var changesOf = changes.ToLookup(c => c.TaskId);

        var tallies = new Dictionary<int, (ScoreTally All, ScoreTally Key)>();
        var units = new Dictionary<int, (string Code, string NameVi, string NameEn)>();
        (ScoreTally All, ScoreTally Key) Of(int unitId, string code, string vi, string en)
        {
            units[unitId] = (code, vi, en);
            return tallies.TryGetValue(unitId, out var t) ? t : tallies[unitId] = (new ScoreTally(), new ScoreTally());
        }
        foreach (var c in counted)
        {
            var unit = Of(c.UnitId, c.Code, c.NameVi, c.NameEn);
            unit.All.Add(c.OnTime, c.Late, c.Overdue, c.InProgress, c.Standing);
            if (c.KeyTask) unit.Key.Add(c.OnTime, c.Late, c.Overdue, c.InProgress, c.Standing);
        }
        foreach (var row in moved)
        {
            var timeline = new TaskTimeline(row.Deadline, row.DoneDate, row.RecordedOn, changesOf[row.Id].ToList());
            if (timeline.On(asOf) is not { } standing || !InPeriod(standing, row.DirectiveDate, from, to)) continue;
            var unit = Of(row.UnitId, row.Code, row.NameVi, row.NameEn);
            unit.All.Add(standing);
            if (row.KeyTask) unit.Key.Add(standing);
        }

        var total = new ScoreTally();
        var totalKey = new ScoreTally();
        var list = new List<UnitTaskScore>();
        foreach (var (id, u) in units.OrderBy(u => u.Value.Code, StringComparer.Ordinal))
        {
            var (all, key) = tallies[id];
            var s = all.ToScore();
            total.Add(all);
            totalKey.Add(key);
            list.Add(new UnitTaskScore(u.Code, LocalizationSetup.IsVietnamese ? u.NameVi : u.NameEn, s.Tasks, s.DoneOnTime, s.DoneLate, s.InProgress,
                s.Overdue, s.Standing, s.OnTimeRate, key.ToScore()));
        }
        return new TaskScoreboard(asOf, from, to, total.ToScore(totalKey.ToScore()), list);
    }

    /// <summary>A task belongs to the period when the deadline it is judged against is in it; a standing
    /// task when its directive is dated on or before the period's end.</summary>
    public static bool InPeriod(TaskStanding standing, DateOnly directiveDate, DateOnly from, DateOnly to) =>
        standing.Deadline is { } d ? d >= from && d <= to : directiveDate <= to;
}
