using Chancery.Web.Units;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Accounts;

public sealed record CreateUserRequest(string? Email, string? DisplayName, int? UnitId, string? Role, string? Clearance, string? Password);

public sealed record UpdateUserRequest(string? DisplayName, int? UnitId, string? Role, string? Clearance);

public sealed record UserItem(
    string Id, string Email, string DisplayName, int? UnitId, string? UnitCode, string[] Roles, string Clearance, bool LockedOut);

/// <summary>Errors keyed by field (camelCase, as the API names them), already worded for the reader.</summary>
public sealed record UserSaveResult(ChanceryUser? User, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creating and changing accounts, shared by the API and the pages. Identity's own rules
/// (password strength, unique email) are reported against the field they concern. Clearance and
/// unit travel in the sign-in claims, so every change renews the security stamp: the user's cookie
/// is re-issued with the new values at its next validation.</summary>
public sealed class UserCommands(UserManager<ChanceryUser> users, ChanceryDbContext db, IStringLocalizer<AccountsText> text)
{
    public async Task<IReadOnlyList<UserItem>> ListAsync(CancellationToken ct)
    {
        IQueryable<Unit> units = db.Units;
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UnitId, UnitCode = units.Where(x => x.Id == u.UnitId).Select(x => x.Code).FirstOrDefault(), u.Clearance, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        // LockoutEnd is compared in memory: SQLite cannot order or compare DateTimeOffset.
        var now = DateTimeOffset.UtcNow;
        return list.Select(u => new UserItem(u.Id, u.Email ?? "", u.DisplayName, u.UnitId, u.UnitCode,
                Roles.All.Where(r => rolesByUser[u.Id].Contains(r)).ToArray(), u.Clearance.ToCode(), u.LockoutEnd > now))
            .ToList();
    }

    public async Task<UserSaveResult> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var errors = await ValidateAsync(request.DisplayName, request.UnitId, request.Role, request.Clearance, ct);
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = [text["EmailRequired"]];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = [text["PasswordRequired"]];
        if (errors.Count > 0) return new(null, errors);

        var email = request.Email!.Trim();
        var user = new ChanceryUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = request.DisplayName!.Trim(),
            UnitId = request.UnitId, Clearance = ParseClearance(request.Clearance),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return new(null, ByField(created.Errors));
        await users.AddToRoleAsync(user, request.Role!);
        return new(user, []);
    }

    public async Task<UserSaveResult> UpdateAsync(string id, UpdateUserRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return new(null, new() { ["id"] = [text["UserNotFound"]] });
        var errors = await ValidateAsync(request.DisplayName, request.UnitId, request.Role, request.Clearance, ct);
        if (errors.Count > 0) return new(null, errors);

        var current = await users.GetRolesAsync(user);
        if (current.Count != 1 || current[0] != request.Role)
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, request.Role!);
        }
        user.DisplayName = request.DisplayName!.Trim();
        user.UnitId = request.UnitId;
        user.Clearance = ParseClearance(request.Clearance);
        // Saves the fields and the new stamp together: one audit entry for the change.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return new(null, ByField(updated.Errors));
        return new(user, []);
    }

    /// <summary>Locks until unlocked (no end date), or lifts the lock. Renews the security stamp so
    /// a locked user's existing cookie stops working.</summary>
    public async Task<bool> SetLockedAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    public Dictionary<string, string[]> ByField(IEnumerable<IdentityError> identityErrors) =>
        identityErrors.GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray());

    private async Task<Dictionary<string, string[]>> ValidateAsync(string? displayName, int? unitId, string? role, string? clearance, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(displayName)) errors["displayName"] = [text["DisplayNameRequired"]];
        if (role is null || !Roles.All.Contains(role)) errors["role"] = [text["RoleRequired"]];
        if (!ClassificationLevels.TryParse(clearance, out _)) errors["clearance"] = [text["ClearanceRequired"]];
        if (unitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct)) errors["unitId"] = [text["UnitUnknown"]];
        return errors;
    }

    private static ClassificationLevel ParseClearance(string? code) =>
        ClassificationLevels.TryParse(code, out var level) ? level : ClassificationLevel.Public;

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "email",
        _ => "",
    };

    /// <summary>Identity words its errors in English only; the common ones have a translation.</summary>
    private string Describe(IdentityError error)
    {
        var localized = text["Identity_" + error.Code];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
