using Chancery.Web.Common.Security;
using System.Globalization;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives.Importing;

public sealed record ProgressImportRow(string TaskId, DateOnly Date, int? Percent, string Text, string? Author);

/// <summary>task_progress.csv (DOMAIN): <c>task_id, date, percent, text, author</c>. The format has no id, so a
/// report is keyed by its task, date and author: the same file imported twice changes nothing.</summary>
public sealed class ProgressImportDefinition(ChanceryDbContext db, UnitScope scope) : WholeFileImportDefinition<ProgressImportRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("task_id", Required: true, Example: "ktl-2025-01-t1"), new("date", Required: true, Example: "2025-06-30"),
        new("percent", Example: "50"), new("text", Required: true, Example: "Đã mở thêm hai thị trường xuất khẩu mới."),
        new("author", Example: "Cục Ngoại giao kinh tế"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override ProgressImportRow? Parse(ImportRowReader row)
    {
        var percentText = row.Optional("percent");
        int? percent = null;
        if (percentText is not null)
        {
            if (!int.TryParse(percentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) row.Problem("percent", DirectiveImportReasons.NotNumber(percentText));
            else if (p is < 0 or > 100) row.Problem("percent", DirectiveImportReasons.PercentRange());
            else percent = p;
        }
        return new ProgressImportRow(row.Required("task_id"), row.Date("date", true) ?? default, percent, row.Required("text"), row.Optional("author"));
    }

    public override string KeyOf(ProgressImportRow row) => $"{row.TaskId}/{IsoDate.Format(row.Date)}/{row.Author}";

    public override async Task<IReadOnlyList<PlannedRow<ProgressImportRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<ProgressImportRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var refs = rows.Select(r => r.Value.TaskId).Distinct().ToList();
        var tasks = await db.DirectiveTasks.IgnoreQueryFilters().Where(t => refs.Contains(t.ExternalRef))
            .Select(t => new { t.Id, t.ExternalRef, t.LeadUnitId, t.Classification }).ToDictionaryAsync(t => t.ExternalRef, ct);
        var ids = tasks.Values.Select(t => t.Id).ToList();
        // Looked up by key, not searched row by row, and not tracked: a batch of 50,000 rows of tasks that
        // already hold reports would otherwise scan them all for every row (and carry them into the save).
        // EF.Parameter: one array/JSON parameter whatever the count (SQLite allows 32,766).
        var reports = new Dictionary<(int, DateOnly, string), TaskProgress>();
        foreach (var p in await db.TaskProgress.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.TaskId)).OrderBy(p => p.Id).ToListAsync(ct))
            reports.TryAdd((p.TaskId, p.Date, p.Author ?? ""), p);
        var plan = new List<PlannedRow<ProgressImportRow>>();
        foreach (var row in rows)
        {
            var v = row.Value;
            if (!tasks.TryGetValue(v.TaskId, out var task))
            {
                if (v.TaskId.Length > 0) problems.Add(row.Line, "task_id", DirectiveImportReasons.UnknownTask(v.TaskId));
                continue;
            }
            // A task the importer may not see is, to them, one that does not exist.
            if (task.Classification > db.Clearance)
            {
                problems.Add(row.Line, "task_id", DirectiveImportReasons.UnknownTask(v.TaskId));
                continue;
            }
            if (!await scope.MayEditAsync(task.LeadUnitId, ct))
            {
                problems.Add(row.Line, "task_id", DirectiveImportReasons.NotYourUnit(v.TaskId));
                continue;
            }
            if (row.Flawed) continue;
            var existing = reports.GetValueOrDefault((task.Id, v.Date, v.Author ?? ""));
            if (existing is null)
            {
                plan.Add(new PlannedRow<ProgressImportRow>(row.Line, row.Key, ImportAction.Create, v, []) { Target = task.Id });
                continue;
            }
            var diff = new ImportDiff();
            diff.Compare("percent", existing.Percent?.ToString(CultureInfo.InvariantCulture), v.Percent?.ToString(CultureInfo.InvariantCulture));
            diff.Compare("text", existing.Text, v.Text);
            plan.Add(new PlannedRow<ProgressImportRow>(row.Line, row.Key, diff.Action, v, diff.Changes) { Target = existing });
        }
        return plan;
    }

    public override ImportRowSummary Describe(PlannedRow<ProgressImportRow> row) => new(IsoDate.Format(row.Value.Date), row.Value.Text);

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<ProgressImportRow>> plan, CancellationToken ct)
    {
        // The reports a row changes were read untracked while planning: loaded here to be changed (a re-import; few).
        var updateIds = plan.Where(r => r.Action == ImportAction.Update && r.Target is TaskProgress).Select(r => ((TaskProgress)r.Target!).Id).ToList();
        var tracked = updateIds.Count == 0 ? [] : await db.TaskProgress.Where(p => EF.Parameter(updateIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in plan)
        {
            switch (row.Target)
            {
                case int taskId when row.Action == ImportAction.Create:
                    db.TaskProgress.Add(new TaskProgress { TaskId = taskId, Date = row.Value.Date, Percent = row.Value.Percent, Text = row.Value.Text, Author = row.Value.Author });
                    break;
                case TaskProgress read when row.Action == ImportAction.Update:
                    var existing = tracked[read.Id];
                    existing.Percent = row.Value.Percent;
                    existing.Text = row.Value.Text;
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
