using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Audit;

/// <summary>One create, update or delete of one record: who, when, which record, and the values
/// before and after (as JSON: { "Property": { "before": …, "after": … } }).</summary>
public sealed class AuditEntry : IClassified
{
    public long Id { get; set; }
    /// <summary>UTC. (SQLite cannot order DateTimeOffset values, so the trail uses a UTC DateTime.)</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public required string Changes { get; set; }
    /// <summary>The audited record's level (the higher of before and after): the trail shows values,
    /// so it is filtered like the record itself.</summary>
    public ClassificationLevel Classification { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    /// <summary>Taken out of the bin (a delete of a record that can go to the bin is written as Deleted).</summary>
    Restored = 4,
    /// <summary>A file of the record was read (a document downloaded): recorded by the module that serves it (<see cref="AuditEvents"/>).</summary>
    Downloaded = 5,
}
