using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Another activity of the same lead person whose dates overlap this one's.</summary>
public sealed record LeaderClash(int Id, string? Title, ActivityKind Kind, DateOnly DateStart, DateOnly DateEnd)
{
    public string? TitleEn { get; init; }
}

/// <summary>Finds where a leader is booked twice: activities of the same lead person overlapping in
/// dates, except those of the same family: what this one is part of (a meeting during a trip is
/// expected to overlap it, through every level: a meeting at a conference during a trip), what is
/// part of it, and what is part of the same parent (two side meetings of one conference, and what
/// is part of them). Cancelled and postponed activities do not book anyone.</summary>
public static class LeaderOverlaps
{
    private static readonly ActivityStatus[] NotBooking = [ActivityStatus.Cancelled, ActivityStatus.Postponed];

    public static async Task<IReadOnlyList<LeaderClash>> FindAsync(ChanceryDbContext db, int activityId, CancellationToken ct = default)
    {
        var self = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Id, a.LeadPersonId, a.DateStart, a.DateEnd, a.PartOfId, a.Status }).SingleOrDefaultAsync(ct);
        if (self?.LeadPersonId is not { } lead || NotBooking.Contains(self.Status)) return [];

        var candidates = await db.Activities.AsNoTracking()
            .Where(a => a.LeadPersonId == lead && a.Id != self.Id && a.DateStart <= self.DateEnd && a.DateEnd >= self.DateStart
                && !NotBooking.Contains(a.Status))
            .OrderBy(a => a.DateStart).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.TitleEn, a.Kind, a.DateStart, a.DateEnd, a.PartOfId })
            .ToListAsync(ct);
        if (candidates.Count == 0) return [];

        var family = await FamilyAsync(db, self.Id, self.PartOfId, ct);
        return candidates.Where(c => !family.Contains(c.Id))
            .Select(c => new LeaderClash(c.Id, c.Title, c.Kind, c.DateStart, c.DateEnd) { TitleEn = c.TitleEn }).ToList();
    }

    /// <summary>The activities this one is part of (up the chain), and those part of its parent (its
    /// siblings, itself included) or, without a parent, of itself, at any depth.</summary>
    private static async Task<HashSet<int>> FamilyAsync(ChanceryDbContext db, int id, int? parentId, CancellationToken ct)
    {
        var family = new HashSet<int> { id };
        // Up: a short chain (meeting -> conference -> trip); the guard stops a malformed cycle.
        for (var parent = parentId; parent is { } p && family.Add(p);)
            parent = await db.Activities.AsNoTracking().Where(a => a.Id == p).Select(a => a.PartOfId).SingleOrDefaultAsync(ct);
        // Down from the parent (or from itself): level by level.
        var frontier = new List<int> { parentId ?? id };
        while (frontier.Count > 0)
        {
            var current = frontier;
            var children = await db.Activities.AsNoTracking().Where(a => a.PartOfId != null && current.Contains(a.PartOfId.Value))
                .Select(a => a.Id).ToListAsync(ct);
            frontier = children.Where(family.Add).ToList();
        }
        return family;
    }
}
