using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
namespace Chancery.Web.Accounts;

public sealed record CreateUserRequest(string? Email, string? DisplayName, int? UnitId, [property: CodeSet(typeof(Roles))] string? Role, [property: CodeSet(typeof(ClassificationLevel))] string? Clearance, string? Password);

/// <summary>A change of account. <c>Locked</c> locks or unlocks it; left out, the lock stays as it is.</summary>
public sealed record UpdateUserRequest(string? DisplayName, int? UnitId, [property: CodeSet(typeof(Roles))] string? Role, [property: CodeSet(typeof(ClassificationLevel))] string? Clearance, bool? Locked = null);

/// <summary>A password change asked by the signed-in user: the current one, the new one twice.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

public sealed record UserItem(
    string Id, string Email, string DisplayName, int? UnitId, string? UnitCode, string[] Roles, [property: CodeSet(typeof(ClassificationLevel))] string Clearance, bool LockedOut,
    bool TwoFactorEnabled = false);
