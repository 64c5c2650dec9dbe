using Chancery.Web.Common.Classification;
using Chancery.Web.Data;

namespace Chancery.Web.Common.Security;

/// <summary>The one place that decides "may this user edit a record of unit X", for every module that
/// scopes its edits by unit (today the directives' tasks, their progress, links and files). A role that
/// edits nothing (viewer, or no role) may edit no unit's records; administrators and leaders any unit's
/// (<see cref="Roles.AcrossUnits"/>); unit managers and officers their own unit and every unit below it;
/// an editor without a unit none. Reading is not scoped by unit (clearance decides); writing is.
/// The Accounts module asks the same subtree which accounts a unit manager manages.</summary>
public sealed class UnitScope(ChanceryDbContext db, IUnitTree tree)
{
    private HashSet<int>? _own;

    /// <summary>Whether the database context's reader may edit a record whose unit is <paramref name="unitId"/>.</summary>
    public async Task<bool> MayEditAsync(int unitId, CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (!user.EditsRecords()) return false;
        if (user.EditsAcrossUnits()) return true;
        return (await OwnSubtreeAsync(ct)).Contains(unitId);
    }

    /// <summary>The reader's unit and every unit below it (empty without a unit).</summary>
    public async Task<IReadOnlySet<int>> OwnSubtreeAsync(CancellationToken ct) =>
        _own ??= await SubtreeAsync(db.CurrentUser.UnitId, ct);

    /// <summary>A unit and all units below it (empty for none).</summary>
    public async Task<HashSet<int>> SubtreeAsync(int? unitId, CancellationToken ct)
    {
        var result = new HashSet<int>();
        if (unitId is not { } root) return result;
        var links = await tree.ParentLinksAsync(ct);
        var children = links.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
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
