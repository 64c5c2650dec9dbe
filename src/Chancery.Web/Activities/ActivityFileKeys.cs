using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>The ids of one activities.csv import and the database keys they have, kept between batches
/// (see <see cref="ActivityImportRun"/>): which ids the file holds so far (a part_of may name any of
/// them), the part_of ids it has not met yet (they must come further down), and the keys promised to
/// such ids so that a row can point at its parent before the parent is written.</summary>
internal sealed class ActivityFileKeys
{
    // Every id of the file checked so far, and stored ids a part_of named, with their keys: a stored
    // activity's, a new one's once written, 0 until then.
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    // part_of ids neither stored nor met yet, with the lines naming them.
    private readonly Dictionary<string, List<int>> _parentsAhead = new(StringComparer.Ordinal);
    // Keys promised to ids a part_of named before their own row, and the links to set once those are written.
    private readonly Dictionary<string, int> _promised = new(StringComparer.Ordinal);
    private readonly List<(int Child, int Parent)> _linksAhead = [];

    /// <summary>Whether the id was met in the file or found stored, or is already awaited further down.</summary>
    public bool IsKnownOrAwaited(string id) => _ids.ContainsKey(id) || _parentsAhead.ContainsKey(id);

    public bool IsKnown(string id) => _ids.ContainsKey(id);

    public void Found(string id, int key) => _ids[id] = key;

    /// <summary>A part_of naming an id not met yet: it must come further down.</summary>
    public void AwaitParent(string parent, int line)
    {
        if (!_parentsAhead.TryGetValue(parent, out var lines)) _parentsAhead[parent] = lines = [];
        lines.Add(line);
    }

    /// <summary>The batch's ids, checked: a later row may name them.</summary>
    public void Checked(IEnumerable<string> ids)
    {
        foreach (var id in ids) _ids.TryAdd(id, 0);
    }

    /// <summary>The key of an id stored before or written by this import; null while it is not written.</summary>
    public int? WrittenKeyOf(string id) => _ids.TryGetValue(id, out var key) && key != 0 ? key : null;

    /// <summary>A child written before its parent: the key the parent will have, and the link to set at the end.</summary>
    public int LinkLater(int child, string parent)
    {
        var key = _promised[parent];
        _linksAhead.Add((child, key));
        return key;
    }

    /// <summary>Keys for a batch's new activities (an id some earlier part_of named already has one) and
    /// promised keys for the ids their part_of name further down, reserved in one call.</summary>
    public async Task<int[]> ReserveAsync(ChanceryDbContext db, IReadOnlyList<ActivityRow> created, CancellationToken ct)
    {
        var needed = created.Count(r => !_promised.ContainsKey(r.Id));
        var newIds = created.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var toPromise = created.Select(r => r.PartOf).OfType<string>()
            .Where(p => !newIds.Contains(p) && _ids.GetValueOrDefault(p) == 0 && !_promised.ContainsKey(p)).Distinct().ToList();
        var reserved = await BulkInsert.ReserveIdsAsync<Activity>(db, needed + toPromise.Count, ct);
        var next = 0;
        var keys = new int[created.Count];
        for (var c = 0; c < created.Count; c++)
        {
            var id = created[c].Id;
            keys[c] = _promised.Remove(id, out var promised) ? promised : (int)reserved[next++];
            _ids[id] = keys[c];
        }
        foreach (var parent in toPromise) _promised[parent] = (int)reserved[next++];
        return keys;
    }

    /// <summary>After the last batch: a part_of whose id never came is a problem on each line naming it.</summary>
    public void ReportParentsNeverMet(ImportProblems problems)
    {
        foreach (var (parent, lines) in _parentsAhead)
        {
            if (_ids.ContainsKey(parent)) continue;
            foreach (var line in lines) problems.Add(line, "part_of", ImportReasons.UnknownParent(parent));
        }
    }

    /// <summary>Sets the part_of links of children written before their parents (all written by now).</summary>
    public async Task SetLinksLaterAsync(ChanceryDbContext db, CancellationToken ct)
    {
        foreach (var (child, parent) in _linksAhead)
            await db.Activities.IgnoreQueryFilters().Where(a => a.Id == child)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PartOfId, parent), ct);
    }

    public int KeyOf(string id) => _ids[id];
}
