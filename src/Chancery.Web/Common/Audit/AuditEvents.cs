using System.Text.Json;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;

namespace Chancery.Web.Common.Audit;

/// <summary>Entries for what the save interceptor cannot see because nothing is saved: a document read
/// (downloaded). Filed at the level of the record it belongs to, like every entry.</summary>
public static class AuditEvents
{
    public static async Task DownloadedAsync(ChanceryDbContext db, TimeProvider clock, Type recordType, string key,
        IReadOnlyDictionary<string, string?> details, ClassificationLevel level, CancellationToken ct)
    {
        var changes = JsonSerializer.Serialize(details.ToDictionary(d => d.Key, d => new Dictionary<string, string?> { ["Before"] = null, ["After"] = d.Value }));
        db.AuditEntries.Add(AuditEntryFactory.Create(db.CurrentUser, clock.GetUtcNow().UtcDateTime, AuditAction.Downloaded, recordType, key, changes, level));
        await db.SaveChangesAsync(ct);
    }
}
