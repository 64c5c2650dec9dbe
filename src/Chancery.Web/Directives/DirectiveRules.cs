using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Writing;
using Chancery.Web.Units;

namespace Chancery.Web.Directives;

/// <summary>The checks a directive and a task obey whichever door they come through (API, form, import).
/// Problems are codes, worded in DirectivesText.</summary>
public static class DirectiveRules
{
    public const string NotYourUnit = "TaskNotYourUnit";
    public const string AlreadyDone = "TaskAlreadyDone";
    public const string UnitUnknown = "TaskUnitUnknown";
    public const string RecurringNeedsDeadline = "TaskRecurringNeedsDeadline";
    public const string PercentRange = "TaskPercentRange";
    public const string ParentElsewhere = "TaskParentElsewhere";
    public const string LinkTargetUnknown = "TaskLinkTargetUnknown";
    public const string ProgressElsewhere = "TaskProgressElsewhere";

    public static void CheckDirective(DirectiveRequest r, Problems problems)
    {
        if (r.Date is null) problems.Add("date", ErrorCodes.Required);
        if (string.IsNullOrWhiteSpace(r.Issuer)) problems.Add("issuer", ErrorCodes.Required);
        if (string.IsNullOrWhiteSpace(r.Title)) problems.Add("title", ErrorCodes.Required);
    }

    /// <summary>Applies a task request to <paramref name="task"/> (units by code from <paramref name="units"/>),
    /// recording a problem for every wrong field under <paramref name="prefix"/>.</summary>
    public static void Apply(DirectiveTask task, TaskRequest r, IReadOnlyDictionary<string, Unit> units, ClassificationLevel clearance,
        ClassificationLevel fallback, Problems problems, string prefix)
    {
        if (string.IsNullOrWhiteSpace(r.Title)) problems.Add(prefix + "title", ErrorCodes.Required);
        task.Title = r.Title?.Trim() ?? "";
        var lead = r.LeadUnit?.Trim().ToUpperInvariant() ?? "";
        if (lead.Length == 0) problems.Add(prefix + "leadUnit", ErrorCodes.Required);
        else if (!units.TryGetValue(lead, out var unit)) problems.Add(prefix + "leadUnit", UnitUnknown, lead);
        else task.LeadUnitId = unit.Id;
        var coordinating = (r.CoordinatingUnits ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).ToList();
        foreach (var code in coordinating.Where(c => !units.ContainsKey(c)))
            problems.Add(prefix + "coordinatingUnits", UnitUnknown, code);
        task.CoordinatingUnits = DirectiveTask.JoinUnits(coordinating);
        task.KeyTask = r.KeyTask;
        task.IndicatorName = Blank(r.IndicatorName);
        task.IndicatorTarget = r.IndicatorTarget;
        task.IndicatorUnit = Blank(r.IndicatorUnit);
        task.Notes = Blank(r.Notes);
        var recurrence = TaskRecurrence.None;
        if (!string.IsNullOrWhiteSpace(r.Recurrence) && !string.Equals(r.Recurrence.Trim(), "none", StringComparison.OrdinalIgnoreCase)
            && (!Codes<TaskRecurrence>.TryParse(r.Recurrence, out recurrence) || recurrence == TaskRecurrence.None))
            problems.Add(prefix + "recurrence", ErrorCodes.OneOf, "monthly, quarterly, six_monthly, yearly");
        if (recurrence != TaskRecurrence.None && r.Deadline is null) problems.Add(prefix + "deadline", RecurringNeedsDeadline);
        if (recurrence != task.Recurrence)
        {
            task.Recurrence = recurrence;
            task.SeriesKey = recurrence == TaskRecurrence.None ? null : task.SeriesKey ?? Guid.NewGuid().ToString("N");
        }
        task.Period = r.Deadline is { } d ? TaskPeriods.Label(recurrence, d) : null;
        if (WriteGuard.Classification(r.Classification, clearance, task.Id == 0 ? null : task.Classification, fallback, problems, prefix + "classification")
            is { } level)
            task.Classification = level;
    }

    /// <summary>Sets the deadline, keeping the one it replaces (dated <paramref name="today"/>) so reports
    /// as of earlier days still see it.</summary>
    public static void MoveDeadline(DirectiveTask task, DateOnly? deadline, DateOnly today)
    {
        if (task.Id == 0 || task.Deadline == deadline)
        {
            task.Deadline = deadline;
            return;
        }
        task.DeadlineChanges.Add(new TaskDeadlineChange { TaskId = task.Id, ChangedOn = today, Previous = task.Deadline, Next = deadline });
        task.DeadlineMoved = true;
        task.Deadline = deadline;
    }

    public static void CheckProgress(ProgressRequest r, Problems problems)
    {
        if (r.Date is null) problems.Add("date", ErrorCodes.Required);
        if (r.Percent is < 0 or > 100) problems.Add("percent", PercentRange);
        if (string.IsNullOrWhiteSpace(r.Text)) problems.Add("text", ErrorCodes.Required);
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
