using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>A round anniversary this month of a partner's framework event (its establishment or an
/// upgrade): "10 years of the comprehensive strategic partnership with Japan".</summary>
public sealed record FrameworkAnniversary(string PartnerCode, string NameVi, string NameEn, RelationLevel Level, string? OfficialName,
    PartialDate When, int Years);

/// <summary>Finds the round anniversaries (every <see cref="Step"/> years) whose month is the month of a
/// given day. An event known only to the year has no month, so it has no anniversary month either.
/// Reads through the classification filter: a partner or event the reader may not see has no anniversary.</summary>
public static class FrameworkAnniversaries
{
    public const int Step = 5;

    public static async Task<List<FrameworkAnniversary>> InMonthOfAsync(ChanceryDbContext db, DateOnly today, CancellationToken ct)
    {
        var month = today.Month;
        var latestYear = today.Year - Step;
        var events = await db.FrameworkEvents.AsNoTracking()
            .Where(e => e.Precision != DatePrecision.Year && e.Date.Month == month && e.Date.Year <= latestYear)
            .Select(e => new { e.Partner!.Code, e.Partner.NameVi, e.Partner.NameEn, e.Level, e.OfficialName, e.Date, e.Precision })
            .ToListAsync(ct);
        return events
            .Where(e => (today.Year - e.Date.Year) % Step == 0)
            .Select(e => new FrameworkAnniversary(e.Code, e.NameVi, e.NameEn, e.Level, e.OfficialName, new PartialDate(e.Date, e.Precision),
                today.Year - e.Date.Year))
            .OrderBy(a => a.When.FirstDay.Day).ThenByDescending(a => a.Years).ThenBy(a => a.PartnerCode, StringComparer.Ordinal)
            .ToList();
    }
}
