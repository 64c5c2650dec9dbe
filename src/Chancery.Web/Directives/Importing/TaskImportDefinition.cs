using Chancery.Web.Common.Security;
using System.Globalization;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives.Importing;

public sealed record TaskImportRow(string Id, string DirectiveId, string? ParentId, string Title, string LeadUnit, IReadOnlyList<string> Coordinating,
    DateOnly? Deadline, DateOnly? DoneDate, bool KeyTask, string? IndicatorName, decimal? IndicatorTarget, string? IndicatorUnit,
    TaskRecurrence Recurrence, ClassificationLevel? Classification, string? Notes);

/// <summary>tasks.csv (DOMAIN, plus an optional <c>recurrence</c>): keyed by <c>id</c>; <c>parent_id</c> names
/// another task of the same directive, in the file (before or after) or stored. An imported done date is
/// taken as stated (a file records history); the task counts as recorded from its directive's date.</summary>
public sealed class TaskImportDefinition(ChanceryDbContext db, UnitScope scope, TimeProvider clock, IStringLocalizer<SharedText> shared,
    IStringLocalizer<DirectivesText> words) : WholeFileImportDefinition<TaskImportRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "ktl-2025-01-t1"), new("directive_id", Required: true, Example: "ktl-2025-01"), new("parent_id"),
        new("title", Required: true, Example: "Thúc đẩy ngoại giao kinh tế, mở rộng thị trường xuất khẩu"),
        new("lead_unit", Required: true, Example: "MOFA-ECON"), new("coordinating_units", Example: "MOIT;MPI"), new("deadline", Example: "2025-12-31"),
        new("done_date"), new("key_task", Example: "true"), new("indicator_name", Example: "Thị trường xuất khẩu mới"),
        new("indicator_target", Example: "3"), new("indicator_unit", Example: "markets"), new("classification", Example: "internal"),
        new("notes"), new("recurrence"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override TaskImportRow? Parse(ImportRowReader row)
    {
        var key = row.Optional("key_task");
        var keyTask = false;
        if (key is not null && !bool.TryParse(key, out keyTask)) row.Problem("key_task", DirectiveImportReasons.NotBoolean(key));
        var targetText = row.Optional("indicator_target");
        decimal? target = null;
        if (targetText is not null)
        {
            if (decimal.TryParse(targetText, NumberStyles.Number, CultureInfo.InvariantCulture, out var t)) target = t;
            else row.Problem("indicator_target", DirectiveImportReasons.NotNumber(targetText));
        }
        var recurrence = row.Code<TaskRecurrence>("recurrence", false, Codes<TaskRecurrence>.TryParse, Codes<TaskRecurrence>.All);
        var deadline = row.Date("deadline", false);
        if (recurrence is { } r && r != TaskRecurrence.None && deadline is null && row.Optional("deadline") is null)
            row.Problem("deadline", new ImportReason(DirectiveRules.RecurringNeedsDeadline));
        return new TaskImportRow(row.Required("id"), row.Required("directive_id"), row.Optional("parent_id"), row.Required("title"),
            row.Required("lead_unit").ToUpperInvariant(), row.List("coordinating_units").Select(c => c.ToUpperInvariant()).ToList(), deadline,
            row.Date("done_date", false), keyTask, row.Optional("indicator_name"), target, row.Optional("indicator_unit"), recurrence ?? TaskRecurrence.None,
            row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes), row.Optional("notes"));
    }

    public override string KeyOf(TaskImportRow row) => row.Id;

    private sealed record Target(DirectiveTask? Stored, Directive Directive, int LeadUnitId);

    public override async Task<IReadOnlyList<PlannedRow<TaskImportRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<TaskImportRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var directiveRefs = rows.Select(r => r.Value.DirectiveId).Distinct().ToList();
        // EF.Parameter: one array/JSON parameter whatever the count (SQLite allows 32,766).
        var directives = await db.Directives.IgnoreQueryFilters().Where(d => EF.Parameter(directiveRefs).Contains(d.ExternalRef)).ToDictionaryAsync(d => d.ExternalRef, ct);
        var refs = rows.Select(r => r.Value.Id).Concat(rows.Select(r => r.Value.ParentId).OfType<string>()).Distinct().ToList();
        var stored = await db.DirectiveTasks.IgnoreQueryFilters().Where(t => EF.Parameter(refs).Contains(t.ExternalRef)).ToDictionaryAsync(t => t.ExternalRef, ct);
        // By key, for the rows that name them: searching the values for every row costs rows × stored.
        var storedById = stored.Values.ToDictionary(t => t.Id);
        var directiveById = directives.Values.ToDictionary(d => d.Id);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var fileRows = rows.ToDictionary(r => r.Value.Id, r => r.Value);
        var plan = new List<PlannedRow<TaskImportRow>>();
        foreach (var row in rows)
        {
            var v = row.Value;
            var before = problems.Total;
            if (!directives.TryGetValue(v.DirectiveId, out var directive))
            {
                if (v.DirectiveId.Length > 0) problems.Add(row.Line, "directive_id", DirectiveImportReasons.UnknownDirective(v.DirectiveId));
            }
            // A directive the importer may not see is, to them, one that does not exist.
            if (directive is not null && directive.Classification > db.Clearance)
            {
                problems.Add(row.Line, "directive_id", DirectiveImportReasons.UnknownDirective(v.DirectiveId));
                directive = null;
            }
            if (!units.TryGetValue(v.LeadUnit, out var leadId))
            {
                if (v.LeadUnit.Length > 0) problems.Add(row.Line, "lead_unit", DirectiveImportReasons.UnknownUnit(v.LeadUnit));
            }
            else if (!await scope.MayEditAsync(leadId, ct)) problems.Add(row.Line, "lead_unit", DirectiveImportReasons.NotYourUnit(v.LeadUnit));
            foreach (var c in v.Coordinating.Where(c => !units.ContainsKey(c)))
                problems.Add(row.Line, "coordinating_units", DirectiveImportReasons.UnknownUnit(c));
            CheckParent(row, fileRows, stored, directiveById, db.Clearance, problems);
            stored.TryGetValue(v.Id, out var existing);
            if (existing is not null && existing.Classification > db.Clearance) problems.Add(row.Line, "id", ImportReasons.Unavailable());
            var level = problems.Classification(row.Line, v.Classification, db.Clearance, existing?.Classification, directive?.Classification ?? ClassificationLevel.Internal);
            if (level is null || row.Flawed || problems.Total > before || directive is null) continue;
            var value = v with { Classification = level };
            var target = new Target(existing, directive, leadId);
            if (existing is null)
            {
                plan.Add(new PlannedRow<TaskImportRow>(row.Line, row.Key, ImportAction.Create, value, []) { Target = target });
                continue;
            }
            var diff = new ImportDiff();
            diff.Compare("directive_id", existing.DirectiveId.ToString(CultureInfo.InvariantCulture), directive.Id.ToString(CultureInfo.InvariantCulture));
            diff.Compare("title", existing.Title, value.Title);
            diff.Compare("lead_unit", existing.LeadUnitId.ToString(CultureInfo.InvariantCulture), leadId.ToString(CultureInfo.InvariantCulture));
            diff.Compare("coordinating_units", existing.CoordinatingUnits, DirectiveTask.JoinUnits(value.Coordinating));
            diff.Compare("deadline", Iso(existing.Deadline), Iso(value.Deadline));
            diff.Compare("done_date", Iso(existing.DoneDate), Iso(value.DoneDate));
            diff.Compare("key_task", existing.KeyTask.ToString(), value.KeyTask.ToString());
            diff.Compare("indicator_name", existing.IndicatorName, value.IndicatorName);
            // G29: 3.0 as stored and 3 as typed are the same number.
            diff.Compare("indicator_target", existing.IndicatorTarget?.ToString("G29", CultureInfo.InvariantCulture), value.IndicatorTarget?.ToString("G29", CultureInfo.InvariantCulture));
            diff.Compare("indicator_unit", existing.IndicatorUnit, value.IndicatorUnit);
            diff.Compare("classification", existing.Classification.ToCode(), level.Value.ToCode());
            diff.Compare("notes", existing.Notes, value.Notes);
            diff.Compare("recurrence", existing.Recurrence.ToString(), value.Recurrence.ToString());
            // The stored parent by its reference (the file names parents by theirs); one the file does not name reads "?".
            var storedParent = existing.ParentId is { } pid ? storedById.GetValueOrDefault(pid)?.ExternalRef ?? "?" : null;
            diff.Compare("parent_id", storedParent, value.ParentId);
            plan.Add(new PlannedRow<TaskImportRow>(row.Line, row.Key, diff.Action, value, diff.Changes) { Target = target });
        }
        return plan;
    }

    /// <summary>The parent is another task of the same directive, in the file or stored, and following
    /// parents from the row never comes back to it.</summary>
    private static void CheckParent(ParsedRow<TaskImportRow> row, Dictionary<string, TaskImportRow> file, Dictionary<string, DirectiveTask> stored,
        Dictionary<int, Directive> directives, ClassificationLevel clearance, ImportProblems problems)
    {
        var v = row.Value;
        if (v.ParentId is not { } parent) return;
        string? parentDirective = file.TryGetValue(parent, out var inFile) ? inFile.DirectiveId
            : stored.TryGetValue(parent, out var s) && s.Classification <= clearance ? directives.GetValueOrDefault(s.DirectiveId)?.ExternalRef ?? "?" : null;
        if (parentDirective is null)
        {
            problems.Add(row.Line, "parent_id", DirectiveImportReasons.UnknownTask(parent));
            return;
        }
        if (parentDirective != v.DirectiveId)
        {
            problems.Add(row.Line, "parent_id", DirectiveImportReasons.ParentElsewhere(parent));
            return;
        }
        var seen = new HashSet<string> { v.Id };
        for (string? p = parent; p is not null; p = file.TryGetValue(p, out var up) ? up.ParentId : null)
        {
            if (seen.Add(p)) continue;
            problems.Add(row.Line, "parent_id", DirectiveImportReasons.ParentLoop(parent));
            return;
        }
    }

    public override ImportRowSummary Describe(PlannedRow<TaskImportRow> row) => new(Iso(row.Value.Deadline), row.Value.Title);

    public override async Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).Select(u => new { u.Code, u.NameVi, u.NameEn }).ToListAsync(ct);
        var vi = LocalizationSetup.IsVietnamese;
        var unitCodes = units.Select(u => new ImportCode(u.Code, vi ? u.NameVi : u.NameEn)).ToList();
        return
        [
            new("lead_unit", unitCodes), new("coordinating_units", unitCodes),
            new("recurrence", [.. Codes<TaskRecurrence>.All.Select(c => new ImportCode(c, words["Recurrence_" + c]))]),
            new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))]),
        ];
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<TaskImportRow>> plan, CancellationToken ct)
    {
        var today = clock.Today();
        var byRef = new Dictionary<string, DirectiveTask>();
        foreach (var row in plan)
        {
            var (existing, directive, leadId) = (Target)row.Target!;
            var v = row.Value;
            var task = existing ?? db.DirectiveTasks.Add(new DirectiveTask
            {
                ExternalRef = v.Id, Title = "", RecordedOn = directive.Date < today ? directive.Date : today, Deadline = v.Deadline,
            }).Entity;
            byRef[v.Id] = task;
            if (row.Action == ImportAction.Unchanged) continue;
            task.DirectiveId = directive.Id;
            task.Title = v.Title;
            task.LeadUnitId = leadId;
            task.CoordinatingUnits = DirectiveTask.JoinUnits(v.Coordinating);
            DirectiveRules.MoveDeadline(task, v.Deadline, today);
            task.DoneDate = v.DoneDate;
            task.KeyTask = v.KeyTask;
            task.IndicatorName = v.IndicatorName;
            task.IndicatorTarget = v.IndicatorTarget;
            task.IndicatorUnit = v.IndicatorUnit;
            task.Notes = v.Notes;
            if (task.Recurrence != v.Recurrence)
            {
                task.Recurrence = v.Recurrence;
                task.SeriesKey = v.Recurrence == TaskRecurrence.None ? null : task.SeriesKey ?? Guid.NewGuid().ToString("N");
            }
            task.Period = v.Deadline is { } d ? TaskPeriods.Label(v.Recurrence, d) : null;
            task.Classification = v.Classification!.Value;
        }
        // Stored first, parents linked after: a sub-task may come before its parent in the file.
        await db.SaveChangesAsync(ct);
        var parentRefs = plan.Select(r => r.Value.ParentId).OfType<string>().Where(p => !byRef.ContainsKey(p)).Distinct().ToList();
        var storedParents = await db.DirectiveTasks.IgnoreQueryFilters().Where(t => EF.Parameter(parentRefs).Contains(t.ExternalRef)).ToDictionaryAsync(t => t.ExternalRef, t => t.Id, ct);
        foreach (var row in plan)
        {
            var parentId = row.Value.ParentId is not { } p ? (int?)null : byRef.TryGetValue(p, out var inFile) ? inFile.Id : storedParents[p];
            var task = byRef[row.Value.Id];
            if (task.ParentId != parentId) task.ParentId = parentId;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string? Iso(DateOnly? d) => d is { } x ? IsoDate.Format(x) : null;
}
