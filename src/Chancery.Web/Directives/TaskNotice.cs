namespace Chancery.Web.Directives;

/// <summary>What a deadline warning is about.</summary>
public enum TaskNoticeEvent
{
    DueInSevenDays = 1,
    DueTomorrow = 2,
    Overdue = 3,
    Escalated = 4,
}

/// <summary>One warning to one person about one task: the in-app notification and, by its unique
/// (task, event, recipient), the ledger that makes each warning go out once. The job inserts this row
/// before anything is sent; a second job (or a second app instance) running at the same moment fails
/// on the unique index and sends nothing.</summary>
public sealed class TaskNotice : Common.Audit.INotAudited
{
    public long Id { get; set; }
    public int TaskId { get; set; }
    public DirectiveTask? Task { get; set; }
    public TaskNoticeEvent Event { get; set; }
    public required string RecipientUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>An e-mail waiting to go (or, without a configured SMTP server, kept for an administrator to
/// read). Written in the same transaction as its <see cref="TaskNotice"/>.</summary>
public sealed class OutboxMail : Common.Audit.INotAudited
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when a sender claims the mail (one instance sends it) and when it went out.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Error { get; set; }
}
