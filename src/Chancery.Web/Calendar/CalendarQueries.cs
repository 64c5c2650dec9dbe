using Chancery.Web.Activities;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Calendar;

/// <summary>Reads activities for the calendar pages and the feed. Goes through the DbContext's
/// classification filter like every read: the calendar shows only what the current user may see.</summary>
public static class CalendarQueries
{
    /// <summary>Activities that overlap [first, last] (an activity spanning the window's edge is included).</summary>
    public static async Task<List<CalendarEntry>> BetweenAsync(
        ChanceryDbContext db, DateOnly first, DateOnly last, CalendarFilter filter, CancellationToken ct)
    {
        var query = db.Activities.AsNoTracking().Where(a => a.DateStart <= last && (a.DateEnd >= first || a.DateStart >= first));
        if (filter.Leader is { } leader) query = query.Where(a => a.LeadPersonId == leader);
        if (Codes<ActivityKind>.TryParse(filter.Kind, out var kind)) query = query.Where(a => a.Kind == kind);
        if (Codes<ActivityStatus>.TryParse(filter.Status, out var status)) query = query.Where(a => a.Status == status);
        else if (filter.Status != CalendarFilter.AllStatuses) query = query.Where(a => a.Status != ActivityStatus.Cancelled);

        var rows = await query.OrderBy(a => a.DateStart).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Kind, a.Status, a.DateStart, a.DateEnd, a.Title, a.LeadPersonId,
                Leader = a.LeadPerson == null ? null : a.LeadPerson.FullName, a.LeaderRoleText, a.HostOrVenue,
                Countries = a.Legs.OrderBy(l => l.Order).Select(l => l.CountryIso3).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(a => new CalendarEntry(a.Id, a.Kind, a.Status, a.DateStart, a.DateEnd, a.Title, a.LeadPersonId,
            a.Leader, a.LeaderRoleText, a.HostOrVenue, a.Countries)).ToList();
    }

    /// <summary>The people who lead at least one activity the user may see, for the leader filter.</summary>
    public static async Task<List<(int Id, string Name)>> LeadersAsync(ChanceryDbContext db, CancellationToken ct)
    {
        var leaders = db.Activities.Where(a => a.LeadPersonId != null).Select(a => a.LeadPersonId!.Value);
        var people = await db.People.AsNoTracking().Where(p => leaders.Contains(p.Id)).OrderBy(p => p.FullName)
            .Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
        return people.Select(p => (p.Id, p.FullName)).ToList();
    }
}
