using System.Globalization;
using Chancery.Web.Activities;
using Chancery.Web.Common.Time;
using Chancery.Web.Partners;
using Chancery.Web.People;

namespace Chancery.Web.Home;

/// <summary>A count on the home page and the list it counts: the number is the list's own total, read
/// through the same query service with the same filter the link gives, so following the link shows it.</summary>
public sealed record HomeFigure(string Key, int Count, string Href);

/// <summary>The counts that matter at the start of a day: activities this year, activities coming this
/// week (from today to Sunday), partners, people, and the partners at the top of the ladder.</summary>
public sealed class HomeFigures(ActivityQueries activities, PartnerQueries partners, PeopleQueries people, TimeProvider clock)
{
    public async Task<IReadOnlyList<HomeFigure>> AllAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var sunday = LeadersAgenda.MondayOf(today).AddDays(6);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        return
        [
            new("ActivitiesThisYear", await ActivitiesAsync(yearStart, yearEnd, ct),
                $"/activities?from={Iso(yearStart)}&to={Iso(yearEnd)}&exactTotal=true"),
            new("ComingThisWeek", await ActivitiesAsync(today, sunday, ct), $"/activities?from={Iso(today)}&to={Iso(sunday)}&exactTotal=true"),
            new("Partners", (await partners.ListAsync(new PartnerFilter { PageSize = 1 }, ct)).Total, "/partners"),
            new("TopLevelPartners", (await partners.ListAsync(new PartnerFilter { Level = "comprehensive_strategic", PageSize = 1 }, ct)).Total,
                "/partners?level=comprehensive_strategic"),
            new("People", (await people.ListAsync(new PeopleFilter(null, null, 1, 1), today, ct)).Total, "/people"),
        ];
    }

    private async Task<int> ActivitiesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await activities.ListAsync(new ActivityFilter(from, to, null, null, null, null, null, null, null, null, 1, 1, ExactTotal: true), ct)).Total;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
