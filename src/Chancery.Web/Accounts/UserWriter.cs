using Chancery.Web.Common.Security;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Creating and changing accounts, shared by the API and the pages. Problems are codes worded
/// in AccountsText; Identity's own rules (password strength, unique email) become codes too
/// ("Identity_" + Identity's code), reported against the field they concern. Clearance and unit
/// travel in the sign-in claims, so every change renews the security stamp: the user's cookie is
/// re-issued with the new values at its next validation.</summary>
/// Nobody hands out more than they hold: a clearance above the writer's own is refused, and an
/// account cleared above the writer cannot be changed by them (they could otherwise lower and
/// take it over). A role is given only from what <see cref="AccountScope"/> lets the writer grant, an
/// account only placed in a unit it lets them use, and only accounts it lets them manage are changed
/// (a unit manager: the officers and viewers of their unit subtree).
public sealed class UserWriter(UserManager<ChanceryUser> users, ChanceryDbContext db, UserQueries queries, ICurrentUser writer, AccountScope scope, TimeProvider clock, Authenticator authenticator,
    TwoFactorRule rule, EnrolmentCodes enrolmentCodes)
{
    public async Task<WriteOutcome<UserItem>> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        var problems = await CheckAsync(request.DisplayName, request.UnitId, request.Role, request.Clearance, ct);
        if (string.IsNullOrWhiteSpace(request.Email)) problems.Add("email", "EmailRequired");
        if (string.IsNullOrEmpty(request.Password)) problems.Add("password", "PasswordRequired");

        var email = request.Email?.Trim() ?? "";
        var user = new ChanceryUser { UserName = email, Email = email, EmailConfirmed = true };
        Apply(user, request.DisplayName, request.UnitId, request.Clearance);
        ModelLimits.Check(db, user, problems, FieldOf);
        if (problems.Any) return WriteOutcome<UserItem>.Invalid(problems);

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded) return WriteOutcome<UserItem>.Invalid(IdentityProblems(created.Errors));
        await users.AddToRoleAsync(user, request.Role!);
        // An account that must use an authenticator gets the code its owner sets it up with.
        var issued = rule.Requires(user) ? await enrolmentCodes.IssueAsync(user, "created", ct) : null;
        return await queries.GetAsync(user.Id, ct) is { } item ? WriteOutcome<UserItem>.Created(item.WithCode(issued)) : WriteOutcome<UserItem>.NotFound();
    }

    public async Task<WriteOutcome<UserItem>> UpdateAsync(string id, UpdateUserRequest request, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return WriteOutcome<UserItem>.NotFound();
        // The endpoint and the page refuse this first (403, a refusal notice); kept here so no other caller slips past.
        if (!await scope.MayManageAsync(id, ct))
            return WriteOutcome<UserItem>.Invalid(new Problems().Add("", "AccountNotYours"));
        if (user.Clearance > writer.Clearance)
            return WriteOutcome<UserItem>.Invalid(new Problems().Add("clearance", "AccountAboveYours"));
        var problems = await CheckAsync(request.DisplayName, request.UnitId, request.Role, request.Clearance, ct);
        var requiredBefore = rule.Requires(user);
        Apply(user, request.DisplayName, request.UnitId, request.Clearance);
        ModelLimits.Check(db, user, problems, FieldOf);
        if (problems.Any)
        {
            db.ChangeTracker.Clear();
            return WriteOutcome<UserItem>.Invalid(problems);
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count != 1 || current[0] != request.Role)
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, request.Role!);
        }
        if (request.Locked is { } locked) user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        if (request.Locked is true) user.LockoutEnabled = true;
        // Saves the fields and the new stamp together: one audit entry for the change.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return WriteOutcome<UserItem>.Invalid(IdentityProblems(updated.Errors));
        // Raised to the two-factor threshold without an authenticator: it now needs one, set up with a code.
        var issued = !requiredBefore && rule.Requires(user) && !user.TwoFactorEnabled ? await enrolmentCodes.IssueAsync(user, "raised", ct) : null;
        return await queries.GetAsync(user.Id, ct) is { } item ? WriteOutcome<UserItem>.Saved(item.WithCode(issued)) : WriteOutcome<UserItem>.NotFound();
    }

    /// <summary>Changes the signed-in user's own password; no problems means changed. A wrong current
    /// password is reported on that field, the password rules on the new one.</summary>
    public async Task<Problems> ChangePasswordAsync(ChanceryUser user, ChangePasswordRequest request)
    {
        var problems = new Problems();
        if (string.IsNullOrEmpty(request.CurrentPassword)) problems.Add("currentPassword", "PasswordRequired");
        if (string.IsNullOrEmpty(request.NewPassword)) problems.Add("newPassword", "PasswordRequired");
        else if (request.NewPassword != request.ConfirmPassword) problems.Add("confirmPassword", "PasswordsDiffer");
        if (problems.Any) return problems;

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        var mismatch = result.Errors.Any(e => e.Code == "PasswordMismatch");
        problems.AddRange(IdentityProblems(result.Errors).All
            .Select(p => p with { Field = mismatch ? "currentPassword" : p.Field == "password" ? "newPassword" : p.Field }));
        if (result.Succeeded)
            await Common.Audit.AuditEvents.RecordAsync(db, clock, Common.Audit.AuditAction.PasswordChanged, Common.Audit.AuditEvents.UserType, user.Id,
                new Dictionary<string, string?> { ["Email"] = user.Email }, Common.Classification.ClassificationLevel.Public, CancellationToken.None);
        return problems;
    }

    /// <summary>Forgets an account's authenticator (a lost or replaced phone), audited; its owner sets up a
    /// new one at the next sign-in (required from confidential up). Every session and token of the account ends.
    /// Like any change, refused for an account cleared above the administrator.</summary>
    public async Task<WriteOutcome<UserItem>> ResetAuthenticatorAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await scope.MayManageAsync(id, ct)) return WriteOutcome<UserItem>.NotFound();
        if (user.Clearance > writer.Clearance)
            return WriteOutcome<UserItem>.Invalid(new Problems().Add("clearance", "AccountAboveYours"));
        await authenticator.ResetAsync(user, writer.UserId, ct);
        // Below the threshold the owner may set one up again of their own accord, signed in: no code needed.
        IssuedEnrolmentCode? issued = null;
        if (rule.Requires(user)) issued = await enrolmentCodes.IssueAsync(user, "reset", ct);
        else await enrolmentCodes.ForgetAsync(user);
        return await queries.GetAsync(user.Id, ct) is { } item ? WriteOutcome<UserItem>.Saved(item.WithCode(issued)) : WriteOutcome<UserItem>.NotFound();
    }

    /// <summary>A new one-time enrolment code for an account that must set up an authenticator and has not
    /// (the first expired or was lost, or the account needed one before codes existed); the old code stops
    /// working. Refused for an account that needs none, and, like any change, for one cleared above the
    /// administrator.</summary>
    public async Task<WriteOutcome<UserItem>> IssueEnrolmentCodeAsync(string id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await scope.MayManageAsync(id, ct)) return WriteOutcome<UserItem>.NotFound();
        if (user.Clearance > writer.Clearance)
            return WriteOutcome<UserItem>.Invalid(new Problems().Add("clearance", "AccountAboveYours"));
        if (user.TwoFactorEnabled || !rule.Requires(user))
            return WriteOutcome<UserItem>.Invalid(new Problems().Add("", "EnrolmentCodeNotNeeded"));
        var issued = await enrolmentCodes.IssueAsync(user, "requested", ct);
        return await queries.GetAsync(user.Id, ct) is { } item ? WriteOutcome<UserItem>.Saved(item.WithCode(issued)) : WriteOutcome<UserItem>.NotFound();
    }

    /// <summary>Locks until unlocked (no end date), or lifts the lock. Renews the security stamp so
    /// a locked user's existing cookie stops working. False when there is no such account or it is
    /// not the writer's to manage.</summary>
    public async Task<bool> SetLockedAsync(string id, bool locked, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await scope.MayManageAsync(id, ct)) return false;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    private async Task<Problems> CheckAsync(string? displayName, int? unitId, string? role, string? clearance, CancellationToken ct)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(displayName)) problems.Add("displayName", "DisplayNameRequired");
        if (role is null || !Roles.All.Contains(role)) problems.Add("role", "RoleRequired");
        else if (!scope.GrantableRoles.Contains(role)) problems.Add("role", "RoleAboveYours");
        if (!ClassificationLevels.TryParse(clearance, out var level)) problems.Add("clearance", "ClearanceRequired");
        else if (level > writer.Clearance) problems.Add("clearance", "ClearanceAboveYours", writer.Clearance.ToCode());
        if (unitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct)) problems.Add("unitId", "UnitUnknown");
        else if (await scope.PlaceableUnitsAsync(ct) is { } placeable && (unitId is null || !placeable.Contains(unitId.Value)))
            problems.Add("unitId", "UnitNotYours");
        return problems;
    }

    private static void Apply(ChanceryUser user, string? displayName, int? unitId, string? clearance)
    {
        user.DisplayName = displayName?.Trim() ?? "";
        user.UnitId = unitId;
        user.Clearance = ClassificationLevels.TryParse(clearance, out var level) ? level : ClassificationLevel.Public;
    }

    /// <summary>Identity's errors as codes; Identity's English description rides along as the argument,
    /// so a code AccountsText has no words for still says something.</summary>
    private static Problems IdentityProblems(IEnumerable<IdentityError> errors)
    {
        var problems = new Problems();
        foreach (var error in errors) problems.Add(FieldOfIdentityError(error.Code), "Identity_" + error.Code, error.Description);
        return problems;
    }

    /// <summary>The user name is the email address: both are the input's email field.</summary>
    private static string FieldOf(string property) => property == nameof(ChanceryUser.UserName) ? "email" : ModelLimits.CamelCase(property);

    private static string FieldOfIdentityError(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "email",
        _ => "",
    };
}
