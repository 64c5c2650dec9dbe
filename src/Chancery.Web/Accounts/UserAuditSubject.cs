using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Accounts;

/// <summary>Users on the audit page, as the record changed and as the one who made a change: named by
/// their display name (their email when they have none), linked to their page.</summary>
internal sealed class UserAuditSubject(ChanceryDbContext db, IStringLocalizer<AccountsText> text, IStringLocalizer<SharedText> shared)
    : AuditSubject<ChanceryUser>(text)
{
    protected override string LabelKey => "UsersTitle";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(ChanceryUser.UnitId)] = "Unit", [nameof(ChanceryUser.UserName)] = "Email",
    };

    public override IReadOnlyDictionary<string, string> References { get; } =
        new Dictionary<string, string> { [nameof(ChanceryUser.UnitId)] = "Unit" };

    public override string? Value(string field, string value) =>
        field == nameof(ChanceryUser.Clearance) && Enum.TryParse<ClassificationLevel>(value, out var level) && Enum.IsDefined(level)
            ? shared["Class_" + level.ToCode()].Value : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = keys.ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new AuditSubjectName(
            string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? r.Id : r.DisplayName, $"/users/{Uri.EscapeDataString(r.Id)}/edit"));
    }
}

/// <summary>The roles themselves (seeded once): named in the reader's language.</summary>
internal sealed class RoleAuditSubject(ChanceryDbContext db, IStringLocalizer<AccountsText> text) : AuditSubject<IdentityRole>(text)
{
    protected override string LabelKey => "Roles";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } =
        new Dictionary<string, string> { [nameof(IdentityRole.Name)] = "Role" };

    public override string? Value(string field, string value) =>
        field is nameof(IdentityRole.Name) or nameof(IdentityRole.NormalizedName) ? Word(text, "Role_" + value.ToLowerInvariant()) : null;

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = keys.ToList();
        var rows = await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new AuditSubjectName(Word(text, "Role_" + r.Name) ?? r.Name ?? r.Id, null));
    }
}

/// <summary>A role given to (or taken from) a user: named after the user and the role, linked to the user's page.
/// Its key is the user's id and the role's id.</summary>
internal sealed class UserRoleAuditSubject(ChanceryDbContext db, IStringLocalizer<AccountsText> text) : AuditSubject<IdentityUserRole<string>>(text)
{
    public override string EntityType => "IdentityUserRole";

    protected override string LabelKey => "Roles";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(IdentityUserRole<string>.UserId)] = "UsersTitle", [nameof(IdentityUserRole<string>.RoleId)] = "Role",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(IdentityUserRole<string>.UserId)] = nameof(ChanceryUser), [nameof(IdentityUserRole<string>.RoleId)] = nameof(IdentityRole),
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var pairs = keys.Select(k => k.Split(',')).Where(p => p.Length == 2).ToList();
        var userIds = pairs.Select(p => p[0]).Distinct().ToList();
        var roleIds = pairs.Select(p => p[1]).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, ct);
        var names = new Dictionary<string, AuditSubjectName>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (!users.TryGetValue(pair[0], out var user) || !roles.TryGetValue(pair[1], out var role)) continue;
            var userName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;
            names[string.Join(',', pair)] = new AuditSubjectName($"{userName} · {Word(text, "Role_" + role.Name) ?? role.Name}", $"/users/{Uri.EscapeDataString(user.Id)}/edit");
        }
        return names;
    }
}
