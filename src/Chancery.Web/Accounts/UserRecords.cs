using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
namespace Chancery.Web.Accounts;

public sealed record CreateUserRequest(string? Email, string? DisplayName, int? UnitId, [property: CodeSet(typeof(Roles))] string? Role, [property: CodeSet(typeof(ClassificationLevel))] string? Clearance, string? Password);

/// <summary>A change of account. <c>Locked</c> locks or unlocks it; left out, the lock stays as it is.</summary>
public sealed record UpdateUserRequest(string? DisplayName, int? UnitId, [property: CodeSet(typeof(Roles))] string? Role, [property: CodeSet(typeof(ClassificationLevel))] string? Clearance, bool? Locked = null);

/// <summary>A password change asked by the signed-in user: the current one, the new one twice.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>An account. <c>EnrolmentCode</c> and <c>EnrolmentCodeExpires</c> are set only in the answer of
/// the change that issued a one-time enrolment code (an account created at or raised to the two-factor
/// threshold, an authenticator reset, or asked for): the code is shown that once and kept only as a hash.</summary>
public sealed record UserItem(
    string Id, string Email, string DisplayName, int? UnitId, string? UnitCode, string[] Roles, [property: CodeSet(typeof(ClassificationLevel))] string Clearance, bool LockedOut,
    bool TwoFactorEnabled = false, string? EnrolmentCode = null, DateTimeOffset? EnrolmentCodeExpires = null)
{
    public UserItem WithCode(IssuedEnrolmentCode? issued) =>
        issued is null ? this : this with { EnrolmentCode = issued.Code, EnrolmentCodeExpires = issued.Expires };
}
