namespace Chancery.Web.Directives.Notifications;

/// <summary>Directives:Notifications — how often the deadline job looks, and how long a task may stay
/// overdue before the lead unit's parent unit is told.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Directives:Notifications";
    /// <summary>Minutes between runs; 0 turns the background run off (tests run the job by hand).</summary>
    public int RunEveryMinutes { get; set; } = 60;
    /// <summary>Days after the deadline before an overdue task is escalated to the parent unit.</summary>
    public int EscalationGraceDays { get; set; } = 3;
}

/// <summary>Mail — the SMTP server the warnings go through. Without a host, mails stay in the outbox
/// (an administrator reads them at /notifications/outbox).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "chancery@localhost";
}
