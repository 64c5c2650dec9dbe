using Chancery.Web.Common.Api;
using Chancery.Web.Activities;
using Chancery.Web.People;

namespace Chancery.Web.Calendar;

/// <summary>Reads activities for the calendar pages and the feed through the Activities module's query
/// (an activity with its leader and countries), so the calendar shows only what the current user may see.
/// Countries are named in the current (request's) language.</summary>
public sealed class CalendarQueries(ActivityQueries activities, PeopleQueries people)
{
    /// <summary>Activities that overlap [first, last] (an activity spanning the window's edge is included).</summary>
    public async Task<List<CalendarEntry>> BetweenAsync(DateOnly first, DateOnly last, CalendarFilter filter, CancellationToken ct)
    {
        var rows = await activities.BetweenAsync(first, last, query =>
        {
            if (filter.Leader is { } leader) query = query.Where(a => a.LeadPersonId == leader);
            if (Codes<ActivityKind>.TryParse(filter.Kind, out var kind)) query = query.Where(a => a.Kind == kind);
            if (Codes<ActivityStatus>.TryParse(filter.Status, out var status)) query = query.Where(a => a.Status == status);
            else if (filter.Status != CalendarFilter.AllStatuses) query = query.Where(a => a.Status != ActivityStatus.Cancelled);
            return query;
        }, ct);
        var legs = await activities.LegsOfAsync(rows.Select(a => a.Id).ToList(), ct);
        var names = rows.Count == 0 ? Common.Localization.CountryNames.None : await activities.CountryNamesAsync(ct);
        return rows.Select(a =>
        {
            var title = ActivityTitles.Shown(a.Title, a.TitleEn);
            return new CalendarEntry(a.Id, a.Kind, a.Status, a.DateStart, a.DateEnd, title?.Text, a.LeadPersonId,
                a.Leader, a.LeaderRole ?? a.LeaderRoleText, a.HostOrVenue, a.Countries.Distinct(StringComparer.OrdinalIgnoreCase).Select(c => names[c]).ToList(),
                legs.TryGetValue(a.Id, out var l) ? l.Select(x => new CalendarLeg(names[x.CountryIso3], x.DateStart, x.DateEnd)).ToList() : [])
            { TitleLang = title?.Lang };
        }).ToList();
    }

    /// <summary>The leaders the calendar's filter offers (see <see cref="LeaderChoices"/>).</summary>
    public Task<List<(int Id, string Name)>> LeaderChoicesAsync(int? selected, CancellationToken ct) => people.LeaderChoicesAsync(selected, ct);
}
