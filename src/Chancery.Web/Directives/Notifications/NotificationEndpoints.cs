using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Directives.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Directives");
        notifications.MapGet("/", List).WithSummary("The reader's deadline warnings, newest first (only those whose task they may still see), with the unread count.");
        notifications.MapPost("/read", MarkRead).WithSummary("Marks all the reader's warnings as read.");
        notifications.MapGet("/outbox", Outbox).RequireAuthorization(Policies.Administer)
            .WithSummary("The e-mails the warnings produced, sent or waiting (without an SMTP server they stay here).");
        return api;
    }

    public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

    private static async Task<Ok<NotificationList>> List(NotificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new NotificationList(await queries.UnreadCountAsync(ct), await queries.ListAsync(200, ct)));

    private static async Task<NoContent> MarkRead(NotificationQueries queries, TimeProvider clock, CancellationToken ct)
    {
        await queries.MarkAllReadAsync(clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<OutboxItem>>> Outbox(NotificationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.OutboxAsync(200, ct));
}
