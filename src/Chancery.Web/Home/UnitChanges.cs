using Chancery.Web.Activities;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Home;

/// <summary>A record as a page names it: its name (both languages where the record has two) and the
/// page that shows it; null name when the reader may not see the record (or it is gone).</summary>
public sealed record RecordName(string? NameVi, string? NameEn, string? Href)
{
    public static readonly RecordName Unknown = new(null, null, null);
    public string? Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}

/// <summary>A unit (its names) and the latest changes its members made.</summary>
public sealed record UnitLatestChanges(string NameVi, string NameEn, IReadOnlyList<UnitChange> Changes);

/// <summary>One change of the trail for the home page.</summary>
public sealed record UnitChange(DateTime At, string? UserName, AuditAction Action, string EntityType, string EntityKey, RecordName Record);

/// <summary>What the reader's unit changed lately: the trail's entries made by the unit's members, newest
/// first. The trail is read through its classification filter (an entry is filed at its record's
/// level), and every name through the owning record's own filter, so nothing above the reader's
/// clearance is shown or named.</summary>
public sealed class UnitChanges(ChanceryDbContext db, ICurrentUser reader)
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
        var names = await NamesAsync(entries, ct);
        return new UnitLatestChanges(unit.NameVi, unit.NameEn, entries.Select(e => new UnitChange(e.At, e.UserName, e.Action, e.EntityType, e.EntityKey,
            names.GetValueOrDefault((e.EntityType, e.EntityKey), RecordName.Unknown))).ToList());
    }

    /// <summary>Names the records of the kinds that have a page, a query per kind.</summary>
    private async Task<Dictionary<(string, string), RecordName>> NamesAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), RecordName>();
        List<int> Ids(string type) => entries.Where(e => e.EntityType == type)
            .Select(e => int.TryParse(e.EntityKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        void Add(string type, int id, string? vi, string? en, string? href) =>
            names[(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = new RecordName(vi, en, href);

        if (Ids(nameof(Activity)) is { Count: > 0 } activities)
            foreach (var a in await db.Activities.AsNoTracking().Where(a => activities.Contains(a.Id))
                         .Select(a => new { a.Id, a.Title, a.ExternalRef }).ToListAsync(ct))
                Add(nameof(Activity), a.Id, a.Title ?? a.ExternalRef, a.Title ?? a.ExternalRef, $"/activities/{a.Id}");
        if (Ids(nameof(Partner)) is { Count: > 0 } partners)
            foreach (var p in await db.Partners.AsNoTracking().Where(p => partners.Contains(p.Id))
                         .Select(p => new { p.Id, p.Code, p.NameVi, p.NameEn }).ToListAsync(ct))
                Add(nameof(Partner), p.Id, p.NameVi, p.NameEn, $"/partners/{p.Code}");
        if (Ids(nameof(FrameworkEvent)) is { Count: > 0 } events)
            foreach (var e in await db.FrameworkEvents.AsNoTracking().Where(e => events.Contains(e.Id))
                         .Select(e => new { e.Id, e.Partner!.Code, e.Partner.NameVi, e.Partner.NameEn }).ToListAsync(ct))
                Add(nameof(FrameworkEvent), e.Id, e.NameVi, e.NameEn, $"/partners/{e.Code}");
        if (Ids(nameof(Person)) is { Count: > 0 } people)
            foreach (var p in await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(ct))
                Add(nameof(Person), p.Id, p.FullName, p.FullName, $"/people/{p.Id}");
        if (Ids(nameof(PersonOffice)) is { Count: > 0 } offices)
            foreach (var o in await db.PersonOffices.AsNoTracking().Where(o => offices.Contains(o.Id))
                         .Join(db.People, o => o.PersonId, p => p.Id, (o, p) => new { o.Id, p.FullName, PersonId = p.Id }).ToListAsync(ct))
                Add(nameof(PersonOffice), o.Id, o.FullName, o.FullName, $"/people/{o.PersonId}");
        if (Ids(nameof(Unit)) is { Count: > 0 } units)
            foreach (var u in await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.NameVi, u.NameEn }).ToListAsync(ct))
                Add(nameof(Unit), u.Id, u.NameVi, u.NameEn, null);
        return names;
    }
}
