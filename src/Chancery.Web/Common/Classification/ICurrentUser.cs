namespace Chancery.Web.Common.Classification;

/// <summary>Who is asking: the signed-in user's id, clearance and unit. Read by the DbContext's
/// classification filter and by the audit trail.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
    ClassificationLevel Clearance { get; }
    int? UnitId { get; }
    bool IsAdministrator { get; }
}

/// <summary>For work outside a request (start-up seeding, migrations, the demo loader): sees everything.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public string? UserId => null;
    public string? UserName => "system";
    public ClassificationLevel Clearance => ClassificationLevel.TopSecret;
    public int? UnitId => null;
    public bool IsAdministrator => true;
}
