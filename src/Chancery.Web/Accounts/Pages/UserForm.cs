using Chancery.Web.Common.Security;
using Chancery.Web.Common.Classification;
using Microsoft.AspNetCore.Components.Forms;

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

    /// <summary>Puts errors keyed by API field name (camelCase) next to the matching input.</summary>
    public static void ShowErrors(EditContext context, ValidationMessageStore store, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            var name = field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];
            store.Add(name.Length == 0 ? new FieldIdentifier(context.Model, "") : context.Field(name), messages);
        }
        context.NotifyValidationStateChanged();
    }
}
