using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Web.Directives.Notifications;

/// <summary>The recipient of a warning as the database context's reader: the job reads what it tells a
/// person with that person's clearance, never as the system, so a warning cannot carry a record the
/// recipient may not see.</summary>
public sealed class RecipientReader(ChanceryUser user) : ICurrentUser
{
    public string? UserId => user.Id;
    public string? UserName => user.UserName;
    public ClassificationLevel Clearance => user.Clearance;
    public int? UnitId => user.UnitId;
    /// <summary>A warning only reads; the recipient's roles grant nothing here.</summary>
    public bool IsInRole(string role) => false;
}
