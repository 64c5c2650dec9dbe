using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Audit;

/// <summary>One entry of the trail as a reader reads it: the record's type and name in the reader's
/// language (with its page), who made the change, and each field's label and readable values.
/// <see cref="Subject"/> is null when the record is gone or the reader may not see it: then only
/// its type and key are shown.</summary>
public sealed record AuditLine(
    long Id, DateTime At, AuditAction Action, ClassificationLevel Classification,
    string EntityType, string EntityKey, string TypeLabel, AuditSubjectName? Subject,
    string UserText, string? UserHref, IReadOnlyList<AuditLineChange> Changes);

/// <summary>One field's change, labelled and readable; a value that is a key of a record the reader
/// may see carries that record's page.</summary>
public sealed record AuditLineChange(string Field, string Label, string? Before, string? After, string? BeforeHref = null, string? AfterHref = null);
