using System.Text.Json;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;

namespace Chancery.Web.Common.Audit;

/// <summary>Entries for what the save interceptor cannot see because nothing is saved: a document read
/// (downloaded), a sign-in, a sign-out, an export, a feed read. Written in a save of their own and
/// sealed into the chain like every entry.</summary>
public static class AuditEvents
{
    /// <summary>The type under which account events are filed (the kernel's users, named by the module that manages them).</summary>
    public const string UserType = "ChanceryUser";
    public const string ExportType = "Export";

    public static Task DownloadedAsync(ChanceryDbContext db, TimeProvider clock, Type recordType, string key,
        IReadOnlyDictionary<string, string?> details, ClassificationLevel level, CancellationToken ct) =>
        RecordAsync(db, clock, AuditAction.Downloaded, recordType.Name.Split('`')[0], key, details, level, ct);

    /// <summary>Records one event by the context's user; <paramref name="actor"/> names someone else
    /// (a sign-in has no signed-in user yet: the account signing in, or the name tried).</summary>
    public static async Task RecordAsync(ChanceryDbContext db, TimeProvider clock, AuditAction action, string entityType, string key,
        IReadOnlyDictionary<string, string?> details, ClassificationLevel level, CancellationToken ct,
        (string? Id, string? Name)? actor = null)
    {
        var changes = JsonSerializer.Serialize(details.ToDictionary(d => d.Key, d => new Dictionary<string, string?> { ["Before"] = null, ["After"] = Clean(d.Value, 2000) }));
        var entry = AuditEntryFactory.Create(db.CurrentUser, clock.GetUtcNow().UtcDateTime, action, typeof(object), Clean(key, 200) ?? "", changes, level);
        entry.EntityType = entityType;
        if (actor is { } who)
        {
            entry.UserId = who.Id;
            entry.UserName = Clean(who.Name, 256);
        }
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a stranger typed goes into the trail cut to the column and without control characters.</summary>
    private static string? Clean(string? text, int max)
    {
        if (text is null) return null;
        var cleaned = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return cleaned.Length > max ? cleaned[..max] : cleaned;
    }
}
