namespace Chancery.Web.Accounts;

public sealed record CreateUserRequest(string? Email, string? DisplayName, int? UnitId, string? Role, string? Clearance, string? Password);

public sealed record UpdateUserRequest(string? DisplayName, int? UnitId, string? Role, string? Clearance);

/// <summary>A password change asked by the signed-in user: the current one, the new one twice.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

public sealed record UserItem(
    string Id, string Email, string DisplayName, int? UnitId, string? UnitCode, string[] Roles, string Clearance, bool LockedOut);
