using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>Reads directives and tasks for the pages, the API and the home page, through the
/// classification filter (a task above the reader's clearance does not exist for them, nor does a task
/// of a directive they may not see). Statuses are derived today, in Vietnam's day.</summary>
public sealed class DirectiveQueries(ChanceryDbContext db, TimeProvider clock, UnitScope scope)
{
    private sealed record TaskRow(int Id, string Ref, int DirectiveId, string DirectiveTitle, int? ParentId, string Title, int LeadUnitId,
        string UnitCode, string UnitVi, string UnitEn, string Coordinating, DateOnly? Deadline, bool Moved, DateOnly? DoneDate, DateOnly RecordedOn,
        bool KeyTask, TaskRecurrence Recurrence, string? Period, ClassificationLevel Classification);

    public async Task<IReadOnlyList<DirectiveListItem>> ListAsync(string? q, CancellationToken ct)
    {
        var directives = db.Directives.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            directives = directives.Where(Common.Search.SearchMatch.Words<Directive>(Common.Search.SearchTerms.Split(q)));
        var list = await directives.OrderByDescending(d => d.Date).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.ExternalRef, d.Number, d.Date, d.Issuer, d.Title, d.Classification }).ToListAsync(ct);
        var ids = list.Select(d => d.Id).ToList();
        var tasks = await Rows(db.DirectiveTasks.Where(t => ids.Contains(t.DirectiveId))).ToListAsync(ct);
        var states = await StatesAsync(tasks, ct);
        var leaves = Leaves(tasks);
        return list.Select(d =>
        {
            var own = tasks.Where(t => t.DirectiveId == d.Id && leaves.Contains(t.Id)).ToList();
            return new DirectiveListItem(d.Id, d.ExternalRef, d.Number, d.Date, d.Issuer, d.Title, d.Classification.ToCode(), own.Count,
                own.Count(t => states[t.Id].IsDone), own.Count(t => states[t.Id].State == TaskState.Overdue));
        }).ToList();
    }

    public async Task<DirectiveDetail?> GetAsync(int id, CancellationToken ct)
    {
        var d = await db.Directives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var tasks = await Rows(db.DirectiveTasks.Where(t => t.DirectiveId == id)).ToListAsync(ct);
        var nodes = await TreeAsync(tasks, null, ct);
        return new DirectiveDetail(d.Id, d.ExternalRef, d.Number, d.Date, d.Issuer, d.Title, d.Text, d.Classification.ToCode(), d.Source, d.Version,
            nodes, nodes.Count == 0 ? 0 : (int)Math.Round(nodes.Average(n => n.Percent)));
    }

    public async Task<TaskDetail?> GetTaskAsync(int id, CancellationToken ct)
    {
        var t = await db.DirectiveTasks.AsNoTracking().Include(x => x.Directive).Include(x => x.LeadUnit).Include(x => x.DeadlineChanges)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        var parentTitle = t.ParentId is { } pid ? await db.DirectiveTasks.Where(p => p.Id == pid).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var progress = await db.TaskProgress.AsNoTracking().Where(p => p.TaskId == id).OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new ProgressItem(p.Id, p.Date, p.Percent, p.Text, p.Author, p.IndicatorValue)).ToListAsync(ct);
        var subtree = await Rows(db.DirectiveTasks.Where(x => x.DirectiveId == t.DirectiveId)).ToListAsync(ct);
        var subTasks = await TreeAsync(subtree, id, ct);
        var state = new TaskTimeline(t.Deadline, t.DoneDate, t.RecordedOn, t.DeadlineChanges).On(clock.Today()) ?? new TaskStanding(TaskState.InProgress, t.Deadline);
        var percent = subTasks.Count > 0 ? (int)Math.Round(subTasks.Average(s => s.Percent)) : LeafPercent(state, progress.FirstOrDefault(p => p.Percent is not null)?.Percent);
        return new TaskDetail(t.Id, t.ExternalRef, t.DirectiveId, t.Directive!.Title, t.Directive.Number, t.ParentId, parentTitle, t.Title,
            t.LeadUnit!.Code, LocalizationSetup.IsVietnamese ? t.LeadUnit.NameVi : t.LeadUnit.NameEn, t.CoordinatingList(), t.Deadline, t.DoneDate,
            t.KeyTask, Codes<TaskState>.ToCode(state.State), percent, t.IndicatorName, t.IndicatorTarget, t.IndicatorUnit,
            RecurrenceCode(t.Recurrence), t.Period, t.Classification.ToCode(), t.Notes, t.Version, await scope.MayEditAsync(t.LeadUnitId, ct),
            progress, subTasks, t.DeadlineChanges.OrderBy(c => c.ChangedOn).ThenBy(c => c.Id).Select(c => new DeadlineChangeItem(c.ChangedOn, c.Previous, c.Next)).ToList());
    }

    /// <summary>The open and recently closed tasks led by a unit and the units below it (an officer's
    /// landing list), soonest deadline first.</summary>
    public async Task<IReadOnlyList<TaskListItem>> UnitTasksAsync(int unitId, int limit, CancellationToken ct)
    {
        var units = await scope.SubtreeAsync(unitId, ct);
        var today = clock.Today();
        var recent = today.AddDays(-30);
        var rows = await Rows(db.DirectiveTasks.Where(t => units.Contains(t.LeadUnitId) && (t.DoneDate == null || t.DoneDate >= recent)))
            .ToListAsync(ct);
        return await ItemsAsync(rows, limit, ct);
    }

    /// <summary>Open tasks whose deadline falls within the next <paramref name="days"/> days (today included).</summary>
    public async Task<IReadOnlyList<TaskListItem>> DueSoonAsync(int days, int limit, CancellationToken ct)
    {
        var today = clock.Today();
        var until = today.AddDays(days);
        var rows = await Rows(db.DirectiveTasks.Where(t => t.DoneDate == null && t.Deadline >= today && t.Deadline <= until)).ToListAsync(ct);
        return await ItemsAsync(rows, limit, ct);
    }

    /// <summary>Open tasks whose deadline has passed.</summary>
    public async Task<IReadOnlyList<TaskListItem>> OverdueAsync(int limit, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await Rows(db.DirectiveTasks.Where(t => t.DoneDate == null && t.Deadline < today)).ToListAsync(ct);
        return await ItemsAsync(rows, limit, ct);
    }

    private async Task<IReadOnlyList<TaskListItem>> ItemsAsync(List<TaskRow> rows, int limit, CancellationToken ct)
    {
        var states = await StatesAsync(rows, ct);
        var percents = await LatestPercentsAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.OrderBy(r => r.DoneDate is not null).ThenBy(r => r.Deadline ?? DateOnly.MaxValue).ThenBy(r => r.Id).Take(limit)
            .Select(r => new TaskListItem(r.Id, r.Title, r.DirectiveId, r.DirectiveTitle, r.UnitCode, UnitName(r), r.Deadline, r.DoneDate, r.KeyTask,
                Codes<TaskState>.ToCode(states[r.Id].State), LeafPercent(states[r.Id], percents.GetValueOrDefault(r.Id))))
            .ToList();
    }

    private async Task<IReadOnlyList<TaskNode>> TreeAsync(List<TaskRow> tasks, int? root, CancellationToken ct)
    {
        var states = await StatesAsync(tasks, ct);
        var percents = await LatestPercentsAsync(tasks.Select(t => t.Id).ToList(), ct);
        var visible = tasks.Select(t => t.Id).ToHashSet();
        // A sub-task whose parent the reader cannot see hangs at the top, rather than vanishing.
        var children = tasks.ToLookup(t => t.ParentId is { } p && visible.Contains(p) ? p : (int?)null);
        List<TaskNode> Build(int? parent) => children[parent].OrderBy(t => t.Deadline ?? DateOnly.MaxValue).ThenBy(t => t.Id).Select(t =>
        {
            var subs = Build(t.Id);
            var percent = subs.Count > 0 ? (int)Math.Round(subs.Average(s => s.Percent)) : LeafPercent(states[t.Id], percents.GetValueOrDefault(t.Id));
            return new TaskNode(t.Id, t.Ref, t.ParentId, t.Title, t.UnitCode, UnitName(t), t.Coordinating.Split(';', StringSplitOptions.RemoveEmptyEntries),
                t.Deadline, t.DoneDate, t.KeyTask, Codes<TaskState>.ToCode(states[t.Id].State), percent, RecurrenceCode(t.Recurrence), t.Period,
                t.Classification.ToCode(), subs);
        }).ToList();
        return Build(root);
    }

    private async Task<Dictionary<int, TaskStanding>> StatesAsync(List<TaskRow> rows, CancellationToken ct)
    {
        var moved = rows.Where(r => r.Moved).Select(r => r.Id).ToList();
        var changes = moved.Count == 0 ? [] : await db.TaskDeadlineChanges.AsNoTracking().Where(c => moved.Contains(c.TaskId)).ToListAsync(ct);
        var byTask = changes.ToLookup(c => c.TaskId);
        var today = clock.Today();
        return rows.ToDictionary(r => r.Id, r =>
            new TaskTimeline(r.Deadline, r.DoneDate, r.RecordedOn, byTask[r.Id].ToList()).On(today) ?? new TaskStanding(TaskState.InProgress, r.Deadline));
    }

    private async Task<Dictionary<int, int?>> LatestPercentsAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var reports = await db.TaskProgress.AsNoTracking().Where(p => ids.Contains(p.TaskId) && p.Percent != null)
            .Select(p => new { p.TaskId, p.Date, p.Id, p.Percent }).ToListAsync(ct);
        return reports.GroupBy(p => p.TaskId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).First().Percent);
    }

    private static int LeafPercent(TaskStanding state, int? latest) => state.IsDone ? 100 : latest ?? 0;

    private static HashSet<int> Leaves(List<TaskRow> tasks)
    {
        var parents = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        return tasks.Where(t => !parents.Contains(t.Id)).Select(t => t.Id).ToHashSet();
    }

    private static string UnitName(TaskRow r) => LocalizationSetup.IsVietnamese ? r.UnitVi : r.UnitEn;

    public static string? RecurrenceCode(TaskRecurrence r) => r == TaskRecurrence.None ? null : Codes<TaskRecurrence>.ToCode(r);

    private static IQueryable<TaskRow> Rows(IQueryable<DirectiveTask> tasks) => tasks.AsNoTracking().Select(t => new TaskRow(
        t.Id, t.ExternalRef, t.DirectiveId, t.Directive!.Title, t.ParentId, t.Title, t.LeadUnitId, t.LeadUnit!.Code, t.LeadUnit.NameVi, t.LeadUnit.NameEn,
        t.CoordinatingUnits, t.Deadline, t.DeadlineMoved, t.DoneDate, t.RecordedOn, t.KeyTask, t.Recurrence, t.Period, t.Classification));
}
