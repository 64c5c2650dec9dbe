using Chancery.Web.Common.Security;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>Changes to one task: its fields, a progress report, the lead unit's "done". An officer works
/// on the tasks of their own unit and the units below it (<see cref="UnitScope"/>); a task they may see
/// but not work on answers a problem, a task they may not see does not exist (404).</summary>
public sealed class TaskWriter(ChanceryDbContext db, DirectiveQueries queries, UnitScope scope, TimeProvider clock)
{
    /// <summary>Adds a task (or a sub-task: <see cref="TaskRequest.ParentId"/>) to a directive.</summary>
    public async Task<WriteOutcome<TaskDetail>> AddAsync(int directiveId, TaskRequest request, CancellationToken ct = default)
    {
        var directive = await db.Directives.SingleOrDefaultAsync(d => d.Id == directiveId, ct);
        if (directive is null) return WriteOutcome<TaskDetail>.NotFound();
        var problems = new Problems();
        if (request.ParentId is { } parentId && !await db.DirectiveTasks.AnyAsync(t => t.Id == parentId && t.DirectiveId == directiveId, ct))
            problems.Add("parentId", DirectiveRules.ParentElsewhere);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var task = new DirectiveTask
        {
            ExternalRef = "T-" + Guid.NewGuid().ToString("N")[..10], Title = "", DirectiveId = directiveId, ParentId = request.ParentId,
            RecordedOn = clock.Today(), Deadline = request.Deadline,
        };
        DirectiveRules.Apply(task, request, units, db.Clearance, directive.Classification, problems, "");
        if (task.LeadUnitId != 0 && !await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("leadUnit", DirectiveRules.NotYourUnit);
        db.DirectiveTasks.Add(task);
        return await CheckedSave.SaveAsync(db, task, problems, c => queries.GetTaskAsync(task.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<TaskDetail>> UpdateAsync(int id, TaskRequest request, CancellationToken ct = default)
    {
        var task = await db.DirectiveTasks.Include(t => t.Directive).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return WriteOutcome<TaskDetail>.NotFound();
        var problems = new Problems();
        var before = task.LeadUnitId;
        if (!await scope.MayEditAsync(before, ct)) problems.Add("leadUnit", DirectiveRules.NotYourUnit);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        db.ExpectVersion(task, request.Version);
        DirectiveRules.Apply(task, request, units, db.Clearance, task.Directive!.Classification, problems, "");
        if (task.LeadUnitId != before && !problems.Has("leadUnit") && !await scope.MayEditAsync(task.LeadUnitId, ct))
            problems.Add("leadUnit", DirectiveRules.NotYourUnit);
        DirectiveRules.MoveDeadline(task, request.Deadline, clock.Today());
        return await CheckedSave.SaveAsync(db, task, problems, c => queries.GetTaskAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>A progress report by the current user. The task's version is checked and kept (a report
    /// changes no field of the task), so a report sent from a page the lead unit has since closed is a conflict.</summary>
    public async Task<WriteOutcome<ProgressSaved>> AddProgressAsync(int taskId, ProgressRequest request, CancellationToken ct = default)
    {
        var task = await db.DirectiveTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return WriteOutcome<ProgressSaved>.NotFound();
        var problems = new Problems();
        if (!await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("text", DirectiveRules.NotYourUnit);
        DirectiveRules.CheckProgress(request, problems);
        if (task.Version != request.Version)
            return problems.Any ? WriteOutcome<ProgressSaved>.Invalid(problems) : WriteOutcome<ProgressSaved>.Conflict(new ProgressSaved(0, taskId, task.Version));
        var report = new TaskProgress
        {
            TaskId = taskId, Date = request.Date ?? clock.Today(), Percent = request.Percent, Text = request.Text?.Trim() ?? "",
            Author = db.CurrentUser.UserName, AuthorUserId = db.CurrentUser.UserId, IndicatorValue = request.IndicatorValue,
        };
        db.TaskProgress.Add(report);
        return await CheckedSave.SaveAsync(db, [new Limited(report)], problems,
            c => Task.FromResult<ProgressSaved?>(new ProgressSaved(report.Id, taskId, task.Version)), WriteStatus.Created, ct);
    }

    /// <summary>The lead unit marks the task done today (Vietnam's day). A recurring task's next
    /// occurrence is created in the same save; the unique (series, period) index refuses a second one,
    /// so two closes at once make one successor (the loser is a conflict).</summary>
    public async Task<WriteOutcome<TaskDetail>> MarkDoneAsync(int id, DoneRequest request, CancellationToken ct = default)
    {
        var task = await db.DirectiveTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return WriteOutcome<TaskDetail>.NotFound();
        var problems = new Problems();
        if (!await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("done", DirectiveRules.NotYourUnit);
        // A close sent from a page that was read before the task changed (closed meanwhile) is a conflict.
        if (!problems.Any && task.Version != request.Version) return WriteOutcome<TaskDetail>.Conflict(await queries.GetTaskAsync(id, ct));
        if (task.DoneDate is not null) problems.Add("done", DirectiveRules.AlreadyDone);
        db.ExpectVersion(task, request.Version);
        var today = clock.Today();
        task.DoneDate = today;
        if (!problems.Any && task.Recurrence != TaskRecurrence.None && task.Deadline is { } deadline)
            db.DirectiveTasks.Add(Successor(task, TaskPeriods.Next(task.Recurrence, deadline), today));
        try
        {
            return await CheckedSave.SaveAsync(db, task, problems, c => queries.GetTaskAsync(id, c), WriteStatus.Saved, ct);
        }
        catch (DbUpdateException)
        {
            // The successor exists already (another close won the race): this close is the stale one.
            db.ChangeTracker.Clear();
            return WriteOutcome<TaskDetail>.Conflict(await queries.GetTaskAsync(id, ct));
        }
    }

    private static DirectiveTask Successor(DirectiveTask t, DateOnly deadline, DateOnly today) => new()
    {
        ExternalRef = "T-" + Guid.NewGuid().ToString("N")[..10], DirectiveId = t.DirectiveId, ParentId = t.ParentId, Title = t.Title,
        LeadUnitId = t.LeadUnitId, CoordinatingUnits = t.CoordinatingUnits, Deadline = deadline, RecordedOn = today, KeyTask = t.KeyTask,
        IndicatorName = t.IndicatorName, IndicatorTarget = t.IndicatorTarget, IndicatorUnit = t.IndicatorUnit, Recurrence = t.Recurrence,
        SeriesKey = t.SeriesKey, Period = TaskPeriods.Label(t.Recurrence, deadline), Notes = t.Notes, Classification = t.Classification,
    };
}
