using Chancery.Web.Common.Classification;

namespace Chancery.Web.Accounts.Pages;

/// <summary>The user form's fields, bound from the posted form (names Input.Email, Input.Role …).</summary>
public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public int? UnitId { get; set; }
    public string? Role { get; set; }
    public string? Clearance { get; set; } = ClassificationLevel.Internal.ToCode();
    public string? Password { get; set; }

    public CreateUserRequest ToCreateRequest() => new(Email, DisplayName, UnitId, Role, Clearance, Password);

    public UpdateUserRequest ToUpdateRequest() => new(DisplayName, UnitId, Role, Clearance);
}
