using Chancery.Web.Common.Classification;

namespace Chancery.Web.Common.Security;

/// <summary>What the database context's reader may do, asked of the same role sets as the policies.
/// For code that works from <see cref="ICurrentUser"/> rather than a request's principal (writers,
/// background work acting for a recipient).</summary>
public static class RolePowers
{
    /// <summary>The reader's highest role, or null for none.</summary>
    public static string? Role(this ICurrentUser user) => Roles.All.FirstOrDefault(user.IsInRole);

    public static bool EditsRecords(this ICurrentUser user) => Roles.Editors.Any(user.IsInRole);
    public static bool EditsAcrossUnits(this ICurrentUser user) => Roles.AcrossUnits.Any(user.IsInRole);
    public static bool ManagesAccounts(this ICurrentUser user) => Roles.AccountManagers.Any(user.IsInRole);
    public static bool Administers(this ICurrentUser user) => Roles.Administrators.Any(user.IsInRole);
}
