namespace Chancery.Web.Common.Audit;

/// <summary>Marks a property whose values never go into the audit trail (secrets, password hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;

/// <summary>Marks an entity type that is not audited at all (the audit itself, infrastructure tables).</summary>
public interface INotAudited;
