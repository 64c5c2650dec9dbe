using Chancery.Web.Activities;
using Chancery.Web.Common.Time;

namespace Chancery.Web.Home;

/// <summary>One week of the agenda: its Monday and the leaders' activities overlapping it.</summary>
public sealed record AgendaWeek(DateOnly Monday, IReadOnlyList<ActivitySummary> Activities)
{
    public DateOnly Sunday => Monday.AddDays(6);
}

/// <summary>The reader's leaders' activities this week and in the <see cref="ComingWeeks"/> after it,
/// week by week (Monday to Sunday, the sector's days). Read through the Activities module's queries, so
/// an activity above the reader's clearance is not there.</summary>
public sealed class LeadersAgenda(ActivityQueries activities, TimeProvider clock)
{
    public const int ComingWeeks = 3;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<IReadOnlyList<AgendaWeek>> WeeksAsync(IReadOnlyCollection<int> leaderIds, CancellationToken ct)
    {
        var monday = MondayOf(clock.Today());
        var weeks = Enumerable.Range(0, ComingWeeks + 1).Select(w => monday.AddDays(7 * w)).ToList();
        if (leaderIds.Count == 0) return weeks.Select(m => new AgendaWeek(m, [])).ToList();
        var ids = leaderIds.ToList();
        var found = await activities.BetweenAsync(monday, weeks[^1].AddDays(6),
            q => q.Where(a => a.LeadPersonId != null && ids.Contains(a.LeadPersonId.Value)), ct);
        // An activity spanning a weekend shows in each week it covers: the reader looks for it in either.
        return weeks.Select(m => new AgendaWeek(m, found.Where(a => a.DateStart <= m.AddDays(6) && a.DateEnd >= m).ToList())).ToList();
    }
}
