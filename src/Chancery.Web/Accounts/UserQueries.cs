using Chancery.Web.Common.Security;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Accounts;

/// <summary>Reads accounts for the API and the pages: each with its unit's code, its roles, its
/// clearance and whether it is locked now. The list holds the accounts the reader manages
/// (<see cref="AccountScope"/>); one account is read as asked (its endpoint and page check the scope).</summary>
public sealed class UserQueries(ChanceryDbContext db, TimeProvider clock, AccountScope scope)
{
    public async Task<List<UserItem>> ListAsync(CancellationToken ct = default)
    {
        var all = await ReadAsync(null, ct);
        if (scope.ManagesEveryAccount) return all;
        var mine = new List<UserItem>();
        foreach (var user in all)
            if (await scope.MayManageAsync(user.UnitId, user.Roles, ct)) mine.Add(user);
        return mine;
    }

    public async Task<UserItem?> GetAsync(string id, CancellationToken ct = default) =>
        (await ReadAsync(id, ct)).SingleOrDefault();

    private async Task<List<UserItem>> ReadAsync(string? id, CancellationToken ct)
    {
        IQueryable<Unit> units = db.Units;
        var list = await db.Users.AsNoTracking().Where(u => id == null || u.Id == id).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UnitId, UnitCode = units.Where(x => x.Id == u.UnitId).Select(x => x.Code).FirstOrDefault(), u.Clearance, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where id == null || ur.UserId == id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        // LockoutEnd is compared in memory: SQLite cannot order or compare DateTimeOffset.
        var now = clock.GetUtcNow();
        return list.Select(u => new UserItem(u.Id, u.Email ?? "", u.DisplayName, u.UnitId, u.UnitCode,
                Roles.All.Where(r => rolesByUser[u.Id].Contains(r)).ToArray(), u.Clearance.ToCode(), u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToList();
    }
}
