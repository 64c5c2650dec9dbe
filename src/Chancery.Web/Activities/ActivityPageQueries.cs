using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>What the activity page shows besides the activity itself.</summary>
public sealed record ActivityPageData(Activity Activity, IReadOnlyList<Activity> Parts, IReadOnlyList<LeaderClash> Clashes, Unit? OwnerUnit);

/// <summary>The reads of the Activities pages that the API does not share: the activity page with its
/// relations, and the choices the edit form and the list's filters offer.</summary>
public sealed class ActivityPageQueries(ChanceryDbContext db)
{
    /// <summary>Null when the activity does not exist or the reader may not see it (the same answer).</summary>
    public async Task<ActivityPageData?> PageAsync(int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Legs).Include(a => a.PartOf).Include(a => a.CounterpartPerson)
            .Include(a => a.LeadPerson).ThenInclude(p => p!.Offices).ThenInclude(o => o.Office)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return null;
        var parts = await db.Activities.AsNoTracking().Include(a => a.CounterpartPerson).Where(a => a.PartOfId == id)
            .OrderBy(a => a.DateStart).ThenBy(a => a.Id).ToListAsync(ct);
        var unit = activity.OwnerUnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        return new ActivityPageData(activity, parts, await LeaderOverlaps.FindAsync(db, id, ct), unit);
    }

    public Task<List<Unit>> UnitsAsync(CancellationToken ct) => db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);

    /// <summary>What an activity can be part of: a trip or a conference, the latest first (and the one it
    /// is part of now, whatever its kind), never itself.</summary>
    public Task<List<Activity>> PossibleParentsAsync(int? editing, int? partOf, CancellationToken ct)
    {
        var parentKinds = ActivityKinds.OutgoingVisits.Append(ActivityKind.MultilateralConference).ToList();
        return db.Activities.AsNoTracking()
            .Where(a => (parentKinds.Contains(a.Kind) || a.Id == partOf) && a.Id != editing)
            .OrderByDescending(a => a.DateStart).Take(300).ToListAsync(ct);
    }
}
