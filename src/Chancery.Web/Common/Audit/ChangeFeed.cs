using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Audit;

/// <summary>One change in the feed: which record (its type's code, its key and, while the reader may see
/// it, its API address) was created, updated or deleted, when. The cursor is the position to continue from.</summary>
public sealed record ChangeItem(long Cursor, DateTimeOffset At, [property: CodeSet(typeof(AuditAction))] string Action, string Type, string Key, string? Href);

/// <summary>A page of the feed: the changes after <c>since</c> in the order they happened, the cursor to
/// ask from next, and whether more are waiting.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeItem> Changes, long Next, bool More);

/// <summary><c>GET /api/v1/changes?since=</c>: the audit trail read as a change feed for other systems, in
/// order, filtered by the caller's clearance like the trail itself (a record above it leaves no trace), and
/// holding only the record types whose modules put them in the feed (<see cref="IAuditSubject.ChangeFeedType"/>).</summary>
public static class ChangeFeed
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapChangeFeed(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", Read).WithTags("Changes")
            .WithSummary("Changes after a cursor")
            .WithDescription("Created, updated and deleted records of every module, in the order they happened, after the cursor since " +
                "(0 or left out: from the beginning); limit per page (1–1000, default 100). Continue with since=next while more is true. " +
                "Re-read a record at its href; a deleted one, or one the caller may not see any more, has none. " +
                "A change is listed once the audit chain has sealed it (within seconds), so a cursor never passes a change committed later.");
        return api;
    }

    private static async Task<Results<Ok<ChangePage>, ValidationProblem>> Read(
        long? since, int? limit, ChanceryDbContext db, IEnumerable<IAuditSubject> subjects, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        if (since < 0) problems.Add("since", ErrorCodes.Between, "0", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (limit is < 1 or > MaxLimit) problems.Add("limit", ErrorCodes.Between, "1", MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (problems.Any) return WriteResults.Invalid(problems, words);

        var after = since ?? 0;
        var take = limit ?? DefaultLimit;
        var feed = subjects.Where(s => s.ChangeFeedType is not null).ToDictionary(s => s.EntityType);
        var types = feed.Keys.ToList();
        // The cursor is the entry's place in the sealed audit chain, not its id: ids from a sequence commit
        // out of order (an import holds low ids for minutes), so a reader paging by id could pass an entry
        // that commits later. The sealer numbers committed entries without gaps, so nothing is skipped;
        // a change appears once sealed (Audit:SealEverySeconds, 10 s by default).
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChainIndex > after && types.Contains(e.EntityType))
            .OrderBy(e => e.ChainIndex).Take(take + 1)
            .Select(e => new { Id = e.ChainIndex!.Value, e.At, e.Action, e.EntityType, e.EntityKey })
            .ToListAsync(ct);
        var more = entries.Count > take;
        if (more) entries.RemoveAt(entries.Count - 1);

        var hrefs = new Dictionary<(string, string), string?>();
        foreach (var group in entries.GroupBy(e => e.EntityType))
        {
            var names = await feed[group.Key].NamesAsync(group.Select(e => e.EntityKey).Distinct().ToList(), ct);
            foreach (var (key, name) in names) hrefs[(group.Key, key)] = name.Href is { } page ? "/api/v1" + page : null;
        }
        var changes = entries.Select(e => new ChangeItem(e.Id, new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)),
            Codes<AuditAction>.ToCode(e.Action), feed[e.EntityType].ChangeFeedType!, e.EntityKey,
            e.Action == AuditAction.Deleted ? null : hrefs.GetValueOrDefault((e.EntityType, e.EntityKey)))).ToList();
        return TypedResults.Ok(new ChangePage(changes, changes.Count > 0 ? changes[^1].Cursor : after, more));
    }
}
