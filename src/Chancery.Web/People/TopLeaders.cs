using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>A leader as a list names them: their name and the office they held on the day asked about
/// (in both languages, or a free-text title), with its tier.</summary>
public sealed record LeaderName(int Id, string FullName, string? OfficeEn, string? OfficeVi, int? Tier)
{
    public string? Office(bool vietnamese) => vietnamese ? OfficeVi : OfficeEn;
}

/// <summary>Our top leaders on a day: for each tier-1 office on our side (the four top leaders), its
/// holder then as far as the records show, that is the person whose period in it started by then and
/// reaches latest (an open period first). Periods learnt from imports end on the last record that shows
/// the office, so "held on that very day" would often find no one. What a reader who chose no one to
/// follow sees on the home page.</summary>
public static class TopLeaders
{
    public const int Tier = 1;

    public static async Task<List<LeaderName>> OnAsync(ChanceryDbContext db, DateOnly day, CancellationToken ct)
    {
        var periods = await db.PersonOffices.AsNoTracking()
            .Where(o => o.From <= day && o.Office != null && o.Office.Side == OfficeSide.Domestic && o.Office.Tier == Tier)
            .Select(o => new { o.OfficeId, o.PersonId, o.From, o.To }).ToListAsync(ct);
        var holders = periods.GroupBy(o => o.OfficeId)
            .Select(g => g.OrderByDescending(o => o.To ?? DateOnly.MaxValue).ThenByDescending(o => o.From).First().PersonId)
            .Distinct().ToList();
        return await NamesAsync(db, holders, day, ct);
    }

    /// <summary>The people <paramref name="ids"/> names, with the office each held on <paramref name="day"/>
    /// (else their latest), best-ranked first; ids of no one are left out.</summary>
    public static async Task<List<LeaderName>> NamesAsync(ChanceryDbContext db, IReadOnlyCollection<int> ids, DateOnly day, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Offices).ThenInclude(o => o.Office).AsSplitQuery().ToListAsync(ct);
        return people.Select(p =>
            {
                var office = PeopleQueries.CurrentOffice(p, day);
                return new LeaderName(p.Id, p.FullName, office?.Office?.NameEn ?? office?.Title, office?.Office?.NameVi ?? office?.Title,
                    office?.Office?.Tier);
            })
            .OrderBy(l => l.Tier ?? int.MaxValue).ThenBy(l => l.Office(false)).ThenBy(l => l.FullName, StringComparer.Ordinal).ToList();
    }
}
