using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Units;

/// <summary>Reads units for the API and the pages (the tree, the parent choices, one unit).</summary>
public sealed class UnitQueries(ChanceryDbContext db)
{
    /// <summary>Every unit, ordered by code, untracked.</summary>
    public Task<List<Unit>> AllAsync(CancellationToken ct = default) =>
        db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);

    public async Task<UnitItem?> GetAsync(int id, CancellationToken ct = default) =>
        await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is { } unit ? UnitItem.From(unit) : null;
}
