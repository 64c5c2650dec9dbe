using Chancery.Web.Common.Audit;
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
    /// <summary>The 30-second step (Unix seconds / 30) of the last authenticator code accepted for this
    /// account: a code of that step or an earlier one is refused, so a code seen over a shoulder or in a
    /// proxy's log cannot be used again within its window. In the database, not in memory, so that it
    /// holds across instances behind a load balancer (<c>Accounts/OneUseAuthenticatorCodes</c>).</summary>
    [AuditIgnore]
    public long? AuthenticatorStepUsed { get; set; }
}
