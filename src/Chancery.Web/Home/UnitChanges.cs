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

    /// <summary>The reader's unit (both names) and its latest changes; null when the reader has no unit.</summary>
    public async Task<UnitLatestChanges?> LatestAsync(CancellationToken ct)
    {
        if (reader.UnitId is not { } unitId) return null;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.NameVi, u.NameEn }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        var members = db.Users.Where(u => u.UnitId == unitId).Select(u => u.Id);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.UserId != null && members.Contains(e.UserId))
            .OrderByDescending(e => e.Id).Take(Shown).ToListAsync(ct);
        return new UnitLatestChanges(unit.NameVi, unit.NameEn, await trail.ReadAsync(entries, ct));
    }
}
