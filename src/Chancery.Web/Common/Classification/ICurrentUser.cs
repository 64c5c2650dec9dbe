namespace Chancery.Web.Common.Classification;

/// <summary>Who is asking: the signed-in user's id, clearance, unit and roles. Read by the DbContext's
/// classification filter, the audit trail and the role checks (<c>Common/Security/RolePowers</c>).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string? UserName { get; }
    ClassificationLevel Clearance { get; }
    int? UnitId { get; }
    /// <summary>Whether the user holds the role (one of <c>Roles.All</c>).</summary>
    bool IsInRole(string role);
}

/// <summary>For work outside a request (start-up seeding, migrations, the demo loader): sees everything.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public string? UserId => null;
    public string? UserName => "system";
    public ClassificationLevel Clearance => ClassificationLevel.TopSecret;
    public int? UnitId => null;
    public bool IsInRole(string role) => role == Security.Roles.Administrator;
}

/// <summary>Nobody in particular: public records only. What a database context sees until it is
/// given the user it works for, so a context created by mistake without one reveals nothing.</summary>
public sealed class AnonymousUser : ICurrentUser
{
    public static readonly AnonymousUser Instance = new();
    public string? UserId => null;
    public string? UserName => null;
    public ClassificationLevel Clearance => ClassificationLevel.Public;
    public int? UnitId => null;
    public bool IsInRole(string role) => false;
}
