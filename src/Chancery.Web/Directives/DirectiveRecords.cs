using Chancery.Web.Common.Concurrency;

namespace Chancery.Web.Directives;

/// <summary>What an editor sends to create a directive with its tasks (API and page alike), or to edit
/// the directive itself (its tasks are then edited one by one).</summary>
public sealed record DirectiveRequest(string? Number, DateOnly? Date, string? Issuer, string? Title, string? Text,
    string? Classification, string? Source, IReadOnlyList<TaskRequest>? Tasks = null, int Version = 0) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>A task as an editor sends it. <see cref="LeadUnit"/> and <see cref="CoordinatingUnits"/> are
/// unit codes; <see cref="Deadline"/> empty is a standing task; <see cref="Recurrence"/> is
/// <c>monthly</c>, <c>quarterly</c>, <c>six_monthly</c>, <c>yearly</c> or empty. <see cref="SubTasks"/>
/// only when a directive is created with its tree.</summary>
public sealed record TaskRequest(string? Title, string? LeadUnit, IReadOnlyList<string>? CoordinatingUnits = null, DateOnly? Deadline = null,
    bool KeyTask = false, string? IndicatorName = null, decimal? IndicatorTarget = null, string? IndicatorUnit = null,
    string? Recurrence = null, string? Classification = null, string? Notes = null, IReadOnlyList<TaskRequest>? SubTasks = null,
    int? ParentId = null, int Version = 0) : Common.Concurrency.IVersionedRequest
{
    public Common.Concurrency.IVersionedRequest WithVersion(int version) => this with { Version = version };
}

/// <summary>A progress report as its author sends it.</summary>
public sealed record ProgressRequest(DateOnly? Date, int? Percent, string? Text, decimal? IndicatorValue = null, int Version = 0);

/// <summary>The lead unit's "done": the version the officer saw, so a stale page cannot close a task twice.</summary>
public sealed record DoneRequest(int Version);

/// <summary>A directive in a list.</summary>
public sealed record DirectiveListItem(int Id, string Ref, string? Number, DateOnly Date, string Issuer, string Title, string Classification,
    int Tasks, int Done, int Overdue);

/// <summary>A directive with its task tree, each task's status today and progress rolled up.</summary>
public sealed record DirectiveDetail(int Id, string Ref, string? Number, DateOnly Date, string Issuer, string Title, string? Text,
    [property: Common.Api.CodeSet(typeof(Common.Classification.ClassificationLevel))] string Classification, string? Source, int Version,
    IReadOnlyList<TaskNode> Tasks, int Percent) : IVersionedRecord;

/// <summary>A task in a directive's tree. <see cref="Percent"/> is its latest report (100 once done),
/// or for a task with sub-tasks the mean of theirs.</summary>
public sealed record TaskNode(int Id, string Ref, int? ParentId, string Title, string LeadUnit, string LeadUnitName,
    IReadOnlyList<string> CoordinatingUnits, DateOnly? Deadline, DateOnly? DoneDate, bool KeyTask, string Status, int Percent,
    string? Recurrence, string? Period, string Classification, IReadOnlyList<TaskNode> SubTasks);

/// <summary>One task with everything its page shows.</summary>
public sealed record TaskDetail(int Id, string Ref, int DirectiveId, string DirectiveTitle, string? DirectiveNumber, int? ParentId,
    string? ParentTitle, string Title, string LeadUnit, string LeadUnitName, IReadOnlyList<string> CoordinatingUnits, DateOnly? Deadline,
    DateOnly? DoneDate, bool KeyTask, string Status, int Percent, string? IndicatorName, decimal? IndicatorTarget, string? IndicatorUnit,
    string? Recurrence, string? Period, string Classification, string? Notes, int Version, bool CanEdit,
    IReadOnlyList<ProgressItem> Progress, IReadOnlyList<TaskNode> SubTasks, IReadOnlyList<DeadlineChangeItem> DeadlineChanges,
    IReadOnlyList<TaskLinkItem> Links) : IVersionedRecord;

public sealed record ProgressItem(int Id, DateOnly Date, int? Percent, string Text, string? Author, decimal? IndicatorValue,
    IReadOnlyList<ProgressDocumentItem> Documents);

/// <summary>A file attached to a progress report; <see cref="Url"/> downloads it (for whoever may see the task).</summary>
public sealed record ProgressDocumentItem(int Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string? UploadedBy, string Url);

/// <summary>A record that carries a task out, as the reader may see it: its kind (<c>activity</c>,
/// <c>agreement</c>, <c>commitment</c>), id, title in the reader's language, date and page.</summary>
public sealed record TaskLinkItem([property: Common.Api.CodeSet(typeof(TaskLinkKind))] string Kind, int Id, string Title, DateOnly? Date, string Url);

/// <summary>Links a task to an activity, agreement or commitment (kind: activity, agreement, commitment; id: its id).</summary>
public sealed record TaskLinkRequest([property: Common.Api.CodeSet(typeof(TaskLinkKind))] string? Kind, int? Id);

public sealed record DeadlineChangeItem(DateOnly ChangedOn, DateOnly? Previous, DateOnly? Next);

/// <summary>A task in a list ("my unit's tasks", due soon, overdue).</summary>
public sealed record TaskListItem(int Id, string Title, int DirectiveId, string DirectiveTitle, string LeadUnit, string LeadUnitName,
    DateOnly? Deadline, DateOnly? DoneDate, bool KeyTask, string Status, int Percent);

/// <summary>A saved progress report, with the task's version after it (a report does not change the task).</summary>
public sealed record ProgressSaved(int Id, int TaskId, int Version) : IVersionedRecord;
