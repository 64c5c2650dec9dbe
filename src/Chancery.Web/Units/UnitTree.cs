using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Units;

/// <summary>The units' parent links for the kernel's <see cref="UnitScope"/>.</summary>
public sealed class UnitTree(ChanceryDbContext db) : IUnitTree
{
    public async Task<IReadOnlyList<(int Id, int? ParentId)>> ParentLinksAsync(CancellationToken ct) =>
        (await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct))
            .Select(u => (u.Id, u.ParentId)).ToList();
}
