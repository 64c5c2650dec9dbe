using Chancery.Web.Common.Security;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Commitments;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives.Links;

/// <summary>The activities, agreements and commitments that carry a task out, both ways: on the task's
/// page, and on each record's page the tasks it serves. Every read goes through both ends'
/// classification filters: a link to a record the reader may not see is not there for them, nor is a
/// task they may not see on the record's page.</summary>
public sealed class TaskLinks(ChanceryDbContext db, UnitScope scope, DirectiveQueries queries)
{
    /// <summary>The records a task is linked to that the reader may see, by kind, then date.</summary>
    public static async Task<IReadOnlyList<TaskLinkItem>> OfTaskAsync(ChanceryDbContext db, int taskId, CancellationToken ct)
    {
        var links = db.TaskLinks.AsNoTracking().Where(l => l.TaskId == taskId);
        var vietnamese = LocalizationSetup.IsVietnamese;
        var activities = await (from l in links
                                join a in db.Activities.AsNoTracking() on l.TargetId equals a.Id
                                where l.Kind == TaskLinkKind.Activity
                                orderby a.DateStart, a.Id
                                select new { a.Id, a.Title, a.TitleEn, a.ExternalRef, a.DateStart }).ToListAsync(ct);
        var agreements = await (from l in links
                                join a in db.Agreements.AsNoTracking() on l.TargetId equals a.Id
                                where l.Kind == TaskLinkKind.Agreement
                                orderby a.SignedDate, a.Id
                                select new { a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, a.SignedDate }).ToListAsync(ct);
        var commitments = await (from l in links
                                 join c in db.Commitments.AsNoTracking() on l.TargetId equals c.Id
                                 where l.Kind == TaskLinkKind.Commitment
                                 orderby c.PledgedDate, c.Id
                                 select new { c.Id, c.Title, c.ExternalRef, c.PledgedDate }).ToListAsync(ct);
        return
        [
            .. activities.Select(a => new TaskLinkItem(Code(TaskLinkKind.Activity), a.Id,
                (vietnamese ? a.Title ?? a.TitleEn : a.TitleEn ?? a.Title) ?? a.ExternalRef, a.DateStart, "/activities/" + a.Id)),
            .. agreements.Select(a => new TaskLinkItem(Code(TaskLinkKind.Agreement), a.Id,
                (vietnamese ? a.TitleVi ?? a.TitleEn : a.TitleEn ?? a.TitleVi) ?? a.ExternalRef, a.SignedDate, "/agreements/" + a.Id)),
            .. commitments.Select(c => new TaskLinkItem(Code(TaskLinkKind.Commitment), c.Id, c.Title, c.PledgedDate, "/commitments/" + c.Id)),
        ];
    }

    /// <summary>The tasks (that the reader may see) an activity, agreement or commitment serves.</summary>
    public async Task<IReadOnlyList<TaskListItem>> ServedByAsync(TaskLinkKind kind, int targetId, CancellationToken ct)
    {
        var ids = db.TaskLinks.AsNoTracking().Where(l => l.Kind == kind && l.TargetId == targetId).Select(l => l.TaskId);
        return await queries.TasksAsync(db.DirectiveTasks.Where(t => ids.Contains(t.Id)), 200, ct);
    }

    /// <summary>Links a task (of the writer's unit or below) to a record the writer may see. Linking
    /// twice is one link.</summary>
    public async Task<WriteOutcome<TaskDetail>> AddAsync(int taskId, TaskLinkRequest request, CancellationToken ct = default)
    {
        var task = await db.DirectiveTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.LeadUnitId }).SingleOrDefaultAsync(ct);
        if (task is null) return WriteOutcome<TaskDetail>.NotFound();
        var problems = new Problems();
        if (!await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("kind", DirectiveRules.NotYourUnit);
        if (!Codes<TaskLinkKind>.TryParse(request.Kind ?? "", out var kind))
            problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<TaskLinkKind>.All));
        else if (request.Id is not { } target || !await ExistsAsync(kind, target, ct))
            problems.Add("id", DirectiveRules.LinkTargetUnknown);
        if (problems.Any) return WriteOutcome<TaskDetail>.Invalid(problems);
        if (!await db.TaskLinks.AnyAsync(l => l.TaskId == taskId && l.Kind == kind && l.TargetId == request.Id, ct))
        {
            db.TaskLinks.Add(new TaskLink { TaskId = taskId, Kind = kind, TargetId = request.Id!.Value });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the same link added at the same moment: one link either way
            }
        }
        return WriteOutcome<TaskDetail>.Created((await queries.GetTaskAsync(taskId, ct))!);
    }

    /// <summary>Removes a link (of a task of the writer's unit or below); removing what is not there is not a problem.</summary>
    public async Task<WriteOutcome<TaskDetail>> RemoveAsync(int taskId, string? kindCode, int targetId, CancellationToken ct = default)
    {
        var task = await db.DirectiveTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.LeadUnitId }).SingleOrDefaultAsync(ct);
        if (task is null) return WriteOutcome<TaskDetail>.NotFound();
        var problems = new Problems();
        if (!await scope.MayEditAsync(task.LeadUnitId, ct)) problems.Add("kind", DirectiveRules.NotYourUnit);
        if (!Codes<TaskLinkKind>.TryParse(kindCode ?? "", out var kind))
            problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<TaskLinkKind>.All));
        if (problems.Any) return WriteOutcome<TaskDetail>.Invalid(problems);
        var link = await db.TaskLinks.SingleOrDefaultAsync(l => l.TaskId == taskId && l.Kind == kind && l.TargetId == targetId, ct);
        if (link is not null)
        {
            db.TaskLinks.Remove(link);
            await db.SaveChangesAsync(ct);
        }
        return WriteOutcome<TaskDetail>.Saved((await queries.GetTaskAsync(taskId, ct))!);
    }

    /// <summary>Through the record's own classification filter: a record the writer may not see cannot be linked.</summary>
    private Task<bool> ExistsAsync(TaskLinkKind kind, int id, CancellationToken ct) => kind switch
    {
        TaskLinkKind.Activity => db.Activities.AnyAsync(a => a.Id == id, ct),
        TaskLinkKind.Agreement => db.Agreements.AnyAsync(a => a.Id == id, ct),
        TaskLinkKind.Commitment => db.Commitments.AnyAsync(c => c.Id == id, ct),
        _ => Task.FromResult(false),
    };

    public static string Code(TaskLinkKind kind) => Codes<TaskLinkKind>.ToCode(kind);
}
