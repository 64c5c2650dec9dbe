using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Which accounts the signed-in user manages, which roles they hand out and where they may
/// place an account. An administrator: every account, every role, any unit. A unit manager: the
/// accounts of their unit subtree (kernel <see cref="UnitScope"/>) whose role is one they may grant
/// (<see cref="Roles.GrantableBy"/>: officer, viewer), and only those roles and units. Anyone else:
/// nothing. Clearance is a separate rule in <see cref="UserWriter"/> (nothing above one's own).</summary>
public sealed class AccountScope(ChanceryDbContext db, ICurrentUser me, UnitScope units)
{
    /// <summary>The roles the user may give, highest first.</summary>
    public IReadOnlyList<string> GrantableRoles => Roles.GrantableBy(me.Role());

    public bool ManagesEveryAccount => me.Administers();

    /// <summary>The units accounts may be placed in; null for any (and for none).</summary>
    public async Task<IReadOnlySet<int>?> PlaceableUnitsAsync(CancellationToken ct) =>
        ManagesEveryAccount ? null : me.ManagesAccounts() ? await units.OwnSubtreeAsync(ct) : new HashSet<int>();

    /// <summary>Whether an account with this unit and these roles is one the user manages.</summary>
    public async Task<bool> MayManageAsync(int? unitId, IEnumerable<string> roles, CancellationToken ct)
    {
        if (ManagesEveryAccount) return true;
        if (!me.ManagesAccounts() || unitId is not { } unit) return false;
        var grantable = GrantableRoles;
        return roles.All(grantable.Contains) && (await units.OwnSubtreeAsync(ct)).Contains(unit);
    }

    /// <summary>Whether the account exists and the user manages it.</summary>
    public async Task<bool> MayManageAsync(string userId, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UnitId }).FirstOrDefaultAsync(ct);
        if (account is null) return false;
        var roles = await (from m in db.UserRoles join r in db.Roles on m.RoleId equals r.Id
                           where m.UserId == userId select r.Name!).ToListAsync(ct);
        return await MayManageAsync(account.UnitId, roles, ct);
    }

    /// <summary>Whether the account exists (whoever manages it).</summary>
    public Task<bool> ExistsAsync(string userId, CancellationToken ct) => db.Users.AnyAsync(u => u.Id == userId, ct);
}
