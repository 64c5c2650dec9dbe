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
}
