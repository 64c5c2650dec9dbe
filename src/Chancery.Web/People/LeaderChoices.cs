using Chancery.Web.Data;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>The leaders a filter offers to choose from (the activity list, the calendar): our people
/// who have held a ranked office up to minister (tier 3), about 140 at national scale, rather than
/// every domestic person an import ever named (over a thousand deputy ministers, provincial leaders and
/// ambassadors, which makes a list nobody can scroll). Anyone else is found by name in the search box;
/// a leader chosen through a link is offered too, so the filter shows what it is set to.</summary>
public static class LeaderChoices
{
    public const int HighestListedTier = 3;

    public static async Task<List<(int Id, string Name)>> LoadAsync(ChanceryDbContext db, int? selected, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking()
            .Where(p => p.Side == OfficeSide.Domestic
                && (p.Offices.Any(o => o.Office != null && o.Office.Tier <= HighestListedTier) || p.Id == selected))
            .OrderBy(p => p.FullName).Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
        return people.Select(p => (p.Id, p.FullName)).ToList();
    }
}
