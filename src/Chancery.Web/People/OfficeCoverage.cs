using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>A leader whose recorded offices do not cover an activity's dates: the office the activity
/// names (null when it names none or one not on the list: then any ranked office would do) and the
/// periods recorded for it. An activity's rank comes from the office held on its dates, so such an
/// activity has no rank until the office (or the activity) is corrected.</summary>
public sealed record OfficeGap(int PersonId, string PersonName, Office? Office, IReadOnlyList<PersonOfficeDto> Recorded);

public static class OfficeCoverage
{
    /// <summary>The gap between a leader's recorded offices and an activity's dates, or null when an
    /// office period (of the named office, if it names one) covers every day from start to end.</summary>
    public static async Task<OfficeGap?> FindAsync(ChanceryDbContext db, int? personId, string? roleText, DateOnly? start, DateOnly? end,
        CancellationToken ct)
    {
        if (personId is null || start is not { } from) return null;
        var to = end is { } e && e >= from ? e : from;
        var person = await db.People.AsNoTracking().Include(p => p.Offices).ThenInclude(o => o.Office)
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return null;
        var office = (await OfficeResolver.LoadAsync(db, ct)).Resolve(roleText, person.Side);
        var relevant = person.Offices.Where(o => office is null ? o.OfficeId is not null : o.OfficeId == office.Id).OrderBy(o => o.From).ToList();
        if (relevant.Any(o => o.Covers(from) && o.Covers(to))) return null;
        return new OfficeGap(person.Id, person.FullName, office, relevant.Select(o => new PersonOfficeDto(o.Id, o.OfficeId, o.Office?.Code,
            o.Office?.NameEn, o.Office?.NameVi, o.Office?.Tier, o.Title, o.From, o.To)).ToList());
    }
}
