using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Chancery.Web.Common.Audit;

/// <summary>The one way an audit entry is made, for a save through the DbContext (<see cref="AuditInterceptor"/>)
/// and for rows stored in bulk (<see cref="BulkAudit"/>): which properties the trail shows, the record's
/// type name and key text, the level the entry is filed at, and the entry itself. The Changes text of both
/// is written by <see cref="AuditChangesWriter"/>.</summary>
internal static class AuditEntryFactory
{
    private static readonly HashSet<string> IgnoredNames = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SearchText",
    };

    /// <summary>Whether a property's values go into the trail (secrets and derived text do not).</summary>
    public static bool IsAudited(IProperty property) =>
        !IgnoredNames.Contains(property.Name) && property.PropertyInfo?.IsDefined(typeof(AuditIgnoreAttribute), true) != true;

    /// <summary>The level of a record's entry: the record's own (the higher of <paramref name="before"/>, its
    /// level before an update or a delete, and its level now); Public for a record that has none. The trail
    /// shows values, so it is filtered like the record itself.</summary>
    public static ClassificationLevel LevelOf(object record, ClassificationLevel? before = null)
    {
        if (record is not IClassified classified) return ClassificationLevel.Public;
        return before is { } old && old > classified.Classification ? old : classified.Classification;
    }

    public static string KeyText(IEnumerable<object?> keyValues) =>
        string.Join(",", keyValues.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    public static AuditEntry Create(ICurrentUser user, DateTime at, AuditAction action, Type clrType,
        string key, string changesJson, ClassificationLevel level) => new()
    {
        At = at,
        UserId = user.UserId,
        UserName = user.UserName,
        Action = action,
        EntityType = clrType.Name.Split('`')[0],
        EntityKey = key,
        Changes = changesJson,
        Classification = level,
    };
}
