using Chancery.Web.Common.Audit;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives;

/// <summary>Directives on the audit page: named by number and title, linked to their page.</summary>
internal sealed class DirectiveAuditSubject(ChanceryDbContext db, IStringLocalizer<DirectivesText> text) : AuditSubject<Directive>(text)
{
    public override string? ChangeFeedType => "directive";

    protected override string LabelKey => "Directives";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Directive.ExternalRef)] = "Reference", [nameof(Directive.Text)] = "FullText",
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Number, d.Title }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(r.Number is null ? r.Title : $"{r.Number} · {r.Title}", "/directives/" + r.Id));
    }
}

/// <summary>Tasks on the audit page: named by their title, linked to their page.</summary>
internal sealed class TaskAuditSubject(ChanceryDbContext db, IStringLocalizer<DirectivesText> text) : AuditSubject<DirectiveTask>(text)
{
    public override string? ChangeFeedType => "task";

    protected override string LabelKey => "Tasks";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(DirectiveTask.ExternalRef)] = "Reference", [nameof(DirectiveTask.LeadUnitId)] = "LeadUnit",
        [nameof(DirectiveTask.DirectiveId)] = "Directive", [nameof(DirectiveTask.ParentId)] = "ParentTask",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(DirectiveTask.LeadUnitId)] = "Unit", [nameof(DirectiveTask.DirectiveId)] = nameof(Directive),
        [nameof(DirectiveTask.ParentId)] = nameof(DirectiveTask),
    };

    public override string? Value(string field, string value) =>
        field == nameof(DirectiveTask.Recurrence) ? CodeWord<TaskRecurrence>(text, "Recurrence_", value) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.DirectiveTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(r.Title, "/tasks/" + r.Id));
    }
}

/// <summary>A progress report's file (uploads and downloads): named by its file name and its task's title,
/// when the reader may see the task.</summary>
internal sealed class ProgressDocumentAuditSubject(ChanceryDbContext db, IStringLocalizer<DirectivesText> text) : AuditSubject<ProgressDocument>(text)
{
    protected override string LabelKey => "Attachments";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(ProgressDocument.FileName)] = "FileName", [nameof(ProgressDocument.ProgressId)] = "ProgressReports",
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await (from d in db.ProgressDocuments.AsNoTracking()
                          join p in db.TaskProgress on d.ProgressId equals p.Id
                          join t in db.DirectiveTasks on p.TaskId equals t.Id
                          where ids.Contains(d.Id)
                          select new { d.Id, d.FileName, t.Title, TaskId = t.Id }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName($"{r.FileName} · {r.Title}", "/tasks/" + r.TaskId + "#progress"));
    }
}
