using Chancery.Web.Common.Audit;
using Chancery.Web.Units;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Home;

/// <summary>A unit (its names) and the latest changes its members made, each read as the audit page
/// reads it (<see cref="AuditReader"/>: records named as their pages name them, in the reader's language).</summary>
public sealed record UnitLatestChanges(string NameVi, string NameEn, IReadOnlyList<AuditLine> Changes);

/// <summary>What the reader's unit changed lately: the trail's entries made by the unit's members, newest
/// first. The trail is read through its classification filter (an entry is filed at its record's
/// level), and every name through the owning record's own filter (the modules' audit subjects), so
/// nothing above the reader's clearance is shown or named.</summary>
public sealed class UnitChanges(ChanceryDbContext db, ICurrentUser reader, AuditReader trail)
{
    public const int Shown = 10;

    /// <summary>Members whose newest entries one statement reads (a unit rarely has more).</summary>
    private const int MembersPerQuery = 40;

    /// <summary>The reader's unit (both names) and its latest changes; null when the reader has no unit.</summary>
    public async Task<UnitLatestChanges?> LatestAsync(CancellationToken ct)
    {
        if (reader.UnitId is not { } unitId) return null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.NameVi, u.NameEn }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        var members = await db.Users.AsNoTracking().Where(u => u.UnitId == unitId).Select(u => u.Id).ToListAsync(ct);
        var entries = new List<AuditEntry>();
        foreach (var group in members.Chunk(MembersPerQuery))
            entries.AddRange(await NewestOf(group).OrderByDescending(e => e.Id).Take(Shown).ToListAsync(ct));
        entries = entries.OrderByDescending(e => e.Id).Take(Shown).ToList();
        return new UnitLatestChanges(unit.NameVi, unit.NameEn, await trail.ReadAsync(entries, ct));
    }

    /// <summary>Each member's <see cref="Shown"/> newest entries, read member by member from the (user, id)
    /// index and joined in one statement: asking for the newest entries of "any member" makes the
    /// database walk the trail from its end until ten of theirs turn up, the whole trail when the unit
    /// wrote little.</summary>
    private IQueryable<AuditEntry> NewestOf(IEnumerable<string> members)
    {
        IQueryable<AuditEntry>? newest = null;
        foreach (var member in members)
        {
            var own = db.AuditEntries.AsNoTracking().Where(e => e.UserId == member).OrderByDescending(e => e.Id).Take(Shown);
            newest = newest is null ? own : newest.Concat(own);
        }
        return newest!;
    }
}
