using Chancery.Web.Common.Classification;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Common.Security;

/// <summary>A person who signs in. Belongs to one unit and holds one clearance level. Lives in the
/// kernel because the database context, the current user and every module's authorization read it;
/// the Accounts module manages it.</summary>
public sealed class ChanceryUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The user's unit (a foreign key to the Units module's table, configured there).</summary>
    public int? UnitId { get; set; }
    public ClassificationLevel Clearance { get; set; } = ClassificationLevel.Internal;
}
