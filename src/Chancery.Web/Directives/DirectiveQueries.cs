using Chancery.Web.Common.Security;
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

    public Task<IReadOnlyList<DirectiveListItem>> ListAsync(string? q, CancellationToken ct) => ListAsync(new DirectiveFilter(q, null), null, ct);

    /// <summary>The directives matching the list's filter (the export reads the same ones).</summary>
    public async Task<IReadOnlyList<DirectiveListItem>> ListAsync(DirectiveFilter filter, ClassificationLevel? level, CancellationToken ct)
    {
        var directives = Importing.DirectiveExport.Directives(db, filter, level);
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
        var reports = await db.TaskProgress.AsNoTracking().Where(p => p.TaskId == id).OrderByDescending(p => p.Date).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Date, p.Percent, p.Text, p.Author, p.IndicatorValue }).ToListAsync(ct);
        var files = (await (from f in db.ProgressDocuments.AsNoTracking()
                            join p in db.TaskProgress on f.ProgressId equals p.Id
                            where p.TaskId == id
                            orderby f.UploadedAt, f.Id
                            select f).ToListAsync(ct)).ToLookup(f => f.ProgressId);
        var progress = reports.Select(p => new ProgressItem(p.Id, p.Date, p.Percent, p.Text, p.Author, p.IndicatorValue,
            files[p.Id].Select(f => new ProgressDocumentItem(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy,
                $"/api/v1/tasks/{id}/documents/{f.Id}")).ToList())).ToList();
        var subtree = await Rows(db.DirectiveTasks.Where(x => x.DirectiveId == t.DirectiveId)).ToListAsync(ct);
        var subTasks = await TreeAsync(subtree, id, ct);
        var state = new TaskTimeline(t.Deadline, t.DoneDate, t.RecordedOn, t.DeadlineChanges).On(clock.Today()) ?? new TaskStanding(TaskState.InProgress, t.Deadline);
        var percent = subTasks.Count > 0 ? (int)Math.Round(subTasks.Average(s => s.Percent)) : LeafPercent(state, progress.FirstOrDefault(p => p.Percent is not null)?.Percent);
        var status = subTasks.Count > 0 ? TaskRollup.Status(subTasks.Select(s => s.Status)) : Codes<TaskState>.ToCode(state.State);
        var links = await Links.TaskLinks.OfTaskAsync(db, id, ct);
        return new TaskDetail(t.Id, t.ExternalRef, t.DirectiveId, t.Directive!.Title, t.Directive.Number, t.ParentId, parentTitle, t.Title,
            t.LeadUnit!.Code, LocalizationSetup.IsVietnamese ? t.LeadUnit.NameVi : t.LeadUnit.NameEn, t.CoordinatingList(), t.Deadline, t.DoneDate,
            t.KeyTask, status, percent, t.IndicatorName, t.IndicatorTarget, t.IndicatorUnit,
            RecurrenceCode(t.Recurrence), t.Period, t.Classification.ToCode(), t.Notes, t.Version, await scope.MayEditAsync(t.LeadUnitId, ct),
            progress, subTasks, t.DeadlineChanges.OrderBy(c => c.ChangedOn).ThenBy(c => c.Id).Select(c => new DeadlineChangeItem(c.ChangedOn, c.Previous, c.Next)).ToList(), links);
    }

    /// <summary>The open and recently closed tasks led by a unit and the units below it (an officer's
    /// landing list), soonest deadline first.</summary>
    public async Task<IReadOnlyList<TaskListItem>> UnitTasksAsync(int unitId, int limit, CancellationToken ct)
    {
        var units = await scope.SubtreeAsync(unitId, ct);
        var today = clock.Today();
        var recent = today.AddDays(-30);
        return await FirstAsync(db.DirectiveTasks.Where(t => units.Contains(t.LeadUnitId) && (t.DoneDate == null || t.DoneDate >= recent)), limit, ct);
    }

    /// <summary>Open tasks whose deadline falls within the next <paramref name="days"/> days (today included).</summary>
    public async Task<IReadOnlyList<TaskListItem>> DueSoonAsync(int days, int limit, CancellationToken ct)
    {
        var today = clock.Today();
        var until = today.AddDays(days);
        return await FirstAsync(db.DirectiveTasks.Where(t => t.DoneDate == null && t.Deadline >= today && t.Deadline <= until), limit, ct);
    }

    /// <summary>Open tasks whose deadline has passed.</summary>
    public async Task<IReadOnlyList<TaskListItem>> OverdueAsync(int limit, CancellationToken ct)
    {
        var today = clock.Today();
        return await FirstAsync(db.DirectiveTasks.Where(t => t.DoneDate == null && t.Deadline < today), limit, ct);
    }

    /// <summary>The tasks of <paramref name="tasks"/> the reader may see, as list items (open first, soonest deadline first).</summary>
    public Task<IReadOnlyList<TaskListItem>> TasksAsync(IQueryable<DirectiveTask> tasks, int limit, CancellationToken ct) => FirstAsync(tasks, limit, ct);

    /// <summary>The first <paramref name="limit"/> tasks in the lists' order (open first, soonest deadline
    /// first, standing last), ordered and cut by the database, so a unit with thousands of tasks sends
    /// only the page's rows (and their reports) back.</summary>
    private async Task<IReadOnlyList<TaskListItem>> FirstAsync(IQueryable<DirectiveTask> tasks, int limit, CancellationToken ct)
    {
        var first = tasks.OrderBy(t => t.DoneDate != null).ThenBy(t => t.Deadline == null).ThenBy(t => t.Deadline).ThenBy(t => t.Id).Take(limit);
        // Each row with its latest percent in the same round trip (a correlated "latest report" subquery).
        var rows = await first.AsNoTracking().Select(t => new
        {
            Row = new TaskRow(t.Id, t.ExternalRef, t.DirectiveId, t.Directive!.Title, t.ParentId, t.Title, t.LeadUnitId, t.LeadUnit!.Code,
                t.LeadUnit.NameVi, t.LeadUnit.NameEn, t.CoordinatingUnits, t.Deadline, t.DeadlineMoved, t.DoneDate, t.RecordedOn, t.KeyTask,
                t.Recurrence, t.Period, t.Classification),
            Latest = db.Set<TaskProgress>().Where(p => p.TaskId == t.Id && p.Percent != null)
                .OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).Select(p => p.Percent).FirstOrDefault(),
        }).ToListAsync(ct);
        return await ItemsAsync(rows.Select(r => r.Row).ToList(), limit, ct, rows.ToDictionary(r => r.Row.Id, r => r.Latest));
    }

    /// <summary>Tasks whose deadline falls in [<paramref name="from"/>, <paramref name="to"/>], for the timeline of deadlines,
    /// in deadline order; <paramref name="status"/> keeps one status.</summary>
    public async Task<IReadOnlyList<TaskListItem>> DeadlinesAsync(DateOnly from, DateOnly to, TaskState? status, int limit, CancellationToken ct)
    {
        var rows = await Rows(db.DirectiveTasks.Where(t => t.Deadline >= from && t.Deadline <= to)).ToListAsync(ct);
        var items = await ItemsAsync(rows, int.MaxValue, ct);
        return items.Where(i => status is null || i.Status == Codes<TaskState>.ToCode(status.Value))
            .OrderBy(i => i.Deadline).ThenBy(i => i.Id).Take(limit).ToList();
    }

    private async Task<IReadOnlyList<TaskListItem>> ItemsAsync(List<TaskRow> rows, int limit, CancellationToken ct, Dictionary<int, int?>? latest = null)
    {
        var states = await StatesAsync(rows, ct);
        var percents = latest ?? await LatestPercentsAsync(rows.Select(r => r.Id).ToList(), ct);
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
            // A task with sub-tasks is their roll-up: its status too (DOMAIN), not its own dates.
            var status = subs.Count > 0 ? TaskRollup.Status(subs.Select(s => s.Status)) : Codes<TaskState>.ToCode(states[t.Id].State);
            return new TaskNode(t.Id, t.Ref, t.ParentId, t.Title, t.UnitCode, UnitName(t), t.Coordinating.Split(';', StringSplitOptions.RemoveEmptyEntries),
                t.Deadline, t.DoneDate, t.KeyTask, status, percent, RecurrenceCode(t.Recurrence), t.Period,
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
