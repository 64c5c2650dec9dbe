using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>Which units' tasks the current user may work on: an administrator any; an officer their own
/// unit and every unit below it; a user without a unit none. Reading is not scoped by unit (leaders
/// read across units as their clearance allows); writing a task's progress, its changes and its "done" are.</summary>
public sealed class UnitScope(ChanceryDbContext db)
{
    private HashSet<int>? _editable;

    public async Task<bool> MayEditAsync(int leadUnitId, CancellationToken ct)
    {
        if (db.CurrentUser.IsAdministrator) return true;
        _editable ??= await SubtreeAsync(db.CurrentUser.UnitId, ct);
        return _editable.Contains(leadUnitId);
    }

    /// <summary>A unit and all units below it (empty for none).</summary>
    public async Task<HashSet<int>> SubtreeAsync(int? unitId, CancellationToken ct)
    {
        var result = new HashSet<int>();
        if (unitId is not { } root) return result;
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var children = parents.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
        var stack = new Stack<int>([root]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id)) continue;
            foreach (var c in children[id]) stack.Push(c);
        }
        return result;
    }
}
