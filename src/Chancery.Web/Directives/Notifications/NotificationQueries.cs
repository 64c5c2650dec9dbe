using Chancery.Web.Common.Api;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives.Notifications;

/// <summary>A warning in the reader's notification centre, worded in their language.</summary>
public sealed record NotificationItem(long Id, int TaskId, string Event, string Text, DateTimeOffset CreatedAt, bool Read);

/// <summary>A mail in the outbox, for an administrator.</summary>
public sealed record OutboxItem(long Id, string To, string Subject, string Body, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Error);

/// <summary>The reader's own warnings, each shown only while its task is visible to them (the task is
/// read through the classification filter at every display, so a lowered clearance hides it too).</summary>
public sealed class NotificationQueries(ChanceryDbContext db, IStringLocalizer<DirectivesText> words)
{
    private IQueryable<TaskNotice> Mine() => db.TaskNotices.AsNoTracking()
        .Where(n => n.RecipientUserId == db.CurrentUser.UserId && db.Set<DirectiveTask>().Any(t => t.Id == n.TaskId));

    public Task<int> UnreadCountAsync(CancellationToken ct) =>
        db.CurrentUser.UserId is null ? Task.FromResult(0) : Mine().CountAsync(n => n.ReadAt == null, ct);

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(int limit, CancellationToken ct)
    {
        if (db.CurrentUser.UserId is null) return [];
        var rows = await Mine().OrderByDescending(n => n.Id).Take(limit)
            .Select(n => new { n.Id, n.TaskId, n.Event, n.CreatedAt, n.ReadAt, n.Task!.Title, n.Task.Deadline }).ToListAsync(ct);
        return rows.Select(r => new NotificationItem(r.Id, r.TaskId, Codes<TaskNoticeEvent>.ToCode(r.Event),
            NoticeWords.Line(words, r.Event, r.Deadline ?? default, r.Title), r.CreatedAt, r.ReadAt is not null)).ToList();
    }

    public async Task<int> MarkAllReadAsync(DateTimeOffset now, CancellationToken ct) => db.CurrentUser.UserId is not { } id ? 0 :
        await db.TaskNotices.Where(n => n.RecipientUserId == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    public async Task<IReadOnlyList<OutboxItem>> OutboxAsync(int limit, CancellationToken ct) =>
        await db.OutboxMails.AsNoTracking().OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new OutboxItem(m.Id, m.To, m.Subject, m.Body, m.CreatedAt, m.SentAt, m.Error)).ToListAsync(ct);
}
