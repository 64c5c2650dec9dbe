using System.Globalization;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Directives.Notifications;

/// <summary>One run of the deadline warnings: 7 days and 1 day before a deadline and on the day a task
/// becomes overdue to the lead unit's people, and after the grace period to the parent unit's people.
/// Each (task, event, recipient) is sent once: its <see cref="TaskNotice"/> row is inserted (with its
/// mail, in one transaction) before anything goes out, and the unique index refuses the second insert
/// whether it comes from a second run, a second thread or a second app instance. Every recipient's tasks
/// are read in a scope of their own, as that recipient.</summary>
public sealed class DeadlineNotifier(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public sealed record RunResult(int Created, int AlreadySent);

    private sealed record Recipient(Common.Security.ChanceryUser User, int UnitId);

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        var today = clock.Today();
        List<Recipient> recipients;
        Dictionary<int, int?> parents;
        await using (var system = scopes.CreateAsyncScope())
        {
            var db = system.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            db.CurrentUser = Common.Classification.SystemUser.Instance;
            var users = await db.Users.AsNoTracking().Where(u => u.UnitId != null).ToListAsync(ct);
            // A locked-out account is told nothing (compared here: SQLite cannot compare offsets).
            var now = clock.GetUtcNow();
            recipients = users.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).Select(u => new Recipient(u, u.UnitId!.Value)).ToList();
            parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        }
        int created = 0, already = 0;
        foreach (var recipient in recipients)
        {
            var (c, a) = await WarnAsync(recipient, parents, today, ct);
            created += c;
            already += a;
        }
        return new RunResult(created, already);
    }

    private async Task<(int Created, int Already)> WarnAsync(Recipient recipient, Dictionary<int, int?> parents, DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        db.CurrentUser = new RecipientReader(recipient.User);
        var grace = Math.Max(0, options.Value.EscalationGraceDays);
        var soon = today.AddDays(7);
        var escalateBefore = today.AddDays(-grace);
        var childUnits = parents.Where(p => p.Value == recipient.UnitId).Select(p => p.Key).ToList();
        // Through the classification filter, as the recipient: a task above their clearance is not found.
        var tasks = await db.DirectiveTasks.AsNoTracking()
            .Where(t => t.DoneDate == null && t.Deadline != null)
            .Where(t => (t.LeadUnitId == recipient.UnitId && t.Deadline <= soon) || (childUnits.Contains(t.LeadUnitId) && t.Deadline < escalateBefore))
            .Select(t => new { t.Id, t.Title, t.Deadline, t.LeadUnitId })
            .ToListAsync(ct);
        if (tasks.Count == 0) return (0, 0);
        var ids = tasks.Select(t => t.Id).ToList();
        var sent = (await db.TaskNotices.AsNoTracking().Where(n => n.RecipientUserId == recipient.User.Id && ids.Contains(n.TaskId))
            .Select(n => new { n.TaskId, n.Event }).ToListAsync(ct)).Select(n => (n.TaskId, n.Event)).ToHashSet();
        var words = scope.ServiceProvider.GetRequiredService<IStringLocalizer<DirectivesText>>();
        int created = 0, already = 0;
        foreach (var t in tasks)
        {
            var deadline = t.Deadline!.Value;
            TaskNoticeEvent? due = t.LeadUnitId == recipient.UnitId
                ? (deadline.DayNumber - today.DayNumber) switch
                {
                    < 0 => TaskNoticeEvent.Overdue,
                    <= 1 => TaskNoticeEvent.DueTomorrow,
                    _ => TaskNoticeEvent.DueInSevenDays,
                }
                : TaskNoticeEvent.Escalated;
            if (due is not { } ev) continue;
            if (sent.Contains((t.Id, ev))) { already++; continue; }
            if (await RecordAsync(db, recipient.User, t.Id, ev, NoticeWords.Line(words, ev, deadline, t.Title), ct)) created++;
            else already++;
        }
        return (created, already);
    }

    /// <summary>Inserts the ledger row (and its mail) in one transaction; false when another run got there first.
    /// A failed save is a lost race only when the ledger row is there afterwards; anything else (a deadlock
    /// between two runs inserting at once, on PostgreSQL) is tried again, so no warning is dropped.</summary>
    private async Task<bool> RecordAsync(ChanceryDbContext db, Common.Security.ChanceryUser user, int taskId, TaskNoticeEvent ev, string line, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            db.TaskNotices.Add(new TaskNotice { TaskId = taskId, Event = ev, RecipientUserId = user.Id, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(user.Email))
                db.OutboxMails.Add(new OutboxMail
                {
                    To = user.Email, Subject = Truncate("[Chancery] " + line, 500), CreatedAt = now,
                    Body = Truncate(line + "\n\n/tasks/" + taskId.ToString(CultureInfo.InvariantCulture), 8000),
                });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                // The unique (task, event, recipient) index: this warning is already recorded, by someone else.
                if (await db.TaskNotices.AnyAsync(n => n.TaskId == taskId && n.Event == ev && n.RecipientUserId == user.Id, ct)) return false;
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>How a warning reads: in the recipient's page language at display, in Vietnamese in mails.</summary>
public static class NoticeWords
{
    public static string Line(IStringLocalizer<DirectivesText> words, TaskNoticeEvent ev, DateOnly deadline, string title) =>
        words["Notice_" + Common.Api.Codes<TaskNoticeEvent>.ToCode(ev), Common.Localization.Formats.Date(deadline), title];
}
