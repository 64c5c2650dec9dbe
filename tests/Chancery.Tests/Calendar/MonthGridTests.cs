using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Chancery.Web.Activities;
using Chancery.Web.Calendar;
using Chancery.Web.Calendar.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Calendar;

/// <summary>The month and week grids as a reader sees them, in Vietnamese (the default culture):
/// Monday-first weeks, activities as bars in lanes.</summary>
public sealed class MonthGridTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly BunitContext _ctx = new();

    public MonthGridTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        _ctx.Services.AddLocalization();
    }

    public void Dispose()
    {
        _ctx.Dispose();
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private static CalendarEntry Entry(int id, string title, DateOnly start, DateOnly end, ActivityStatus status = ActivityStatus.Completed,
        params CalendarLeg[] legs) =>
        new(id, ActivityKind.StateVisit, status, start, end, title, null, "Tô Lâm", null, "Paris", ["Pháp"], legs);

    private IRenderedComponent<MonthGrid> November(params CalendarEntry[] entries) =>
        _ctx.Render<MonthGrid>(p => p.Add(g => g.Month, new DateOnly(2026, 11, 1)).Add(g => g.Entries, entries));

    private static IElement Bar(IRenderedComponent<MonthGrid> cut, int id, string firstDay) =>
        cut.Find($".cal-grid a.cal-bar[data-activity='{id}'][data-first='{firstDay}']");

    [Fact]
    public void November_2026_starts_on_a_sunday_so_its_first_week_has_six_blank_days()
    {
        var cut = November();

        cut.FindAll(".cal-head-day").Select(th => th.TextContent).ShouldBe(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
        var weeks = cut.FindAll(".cal-week");
        // 6 blanks + 30 days = 36 cells: six weeks, the last holding only Monday the 30th.
        weeks.Count.ShouldBe(6);
        var first = weeks[0].QuerySelectorAll(".cal-day");
        first.Take(6).ShouldAllBe(d => d.ClassList.Contains("blank"));
        first[6].GetAttribute("data-date").ShouldBe("2026-11-01");
        weeks[0].QuerySelector(".cal-day-number")!.TextContent.ShouldBe("1");
        var last = weeks[5].QuerySelectorAll(".cal-day");
        last[0].GetAttribute("data-date").ShouldBe("2026-11-30");
        last.Skip(1).ShouldAllBe(d => d.ClassList.Contains("blank"));
    }

    [Fact]
    public void February_2027_begins_on_a_monday_and_fills_exactly_four_weeks()
    {
        var layout = new MonthLayout(2027, 2);

        layout.Weeks.Count.ShouldBe(4);
        layout.Weeks[0][0].ShouldBe(new DateOnly(2027, 2, 1));
        layout.Weeks[3][6].ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void A_four_day_visit_is_one_bar_across_its_days_linking_to_the_activity()
    {
        var cut = November(Entry(7, "Thăm Pháp", new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 6)));

        var bar = cut.FindAll(".cal-grid a.cal-bar").ShouldHaveSingleItem();
        bar.GetAttribute("href").ShouldBe("/activities/7");
        bar.GetAttribute("style")!.ShouldContain("grid-column: 2 / span 4"); // Tuesday to Friday
        bar.QuerySelector(".cal-bar-title")!.TextContent.ShouldBe("Thăm Pháp");
    }

    [Fact]
    public void Overlapping_visits_take_separate_lanes_and_a_visit_continuing_into_the_next_week_carries_its_title_there()
    {
        var cut = November(
            Entry(1, "Thăm Pháp", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 10)),
            Entry(2, "Thăm Đức", new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 7)));

        var france = Bar(cut, 1, "2026-11-05");
        var germany = Bar(cut, 2, "2026-11-06");
        france.GetAttribute("style")!.ShouldContain("grid-row: 2");
        germany.GetAttribute("style")!.ShouldContain("grid-row: 3");
        france.ClassList.ShouldContain("to-after");
        var continuation = Bar(cut, 1, "2026-11-09");
        continuation.ClassList.ShouldContain("from-before");
        continuation.GetAttribute("style")!.ShouldContain("grid-column: 1 / span 2");
        continuation.QuerySelector(".cal-bar-title")!.TextContent.ShouldBe("Thăm Pháp");
    }

    [Fact]
    public void A_trip_shows_the_country_of_each_day_under_its_title()
    {
        var cut = November(Entry(3, "Công du châu Âu", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6), ActivityStatus.Confirmed,
            new CalendarLeg("Pháp", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)),
            new CalendarLeg("Thụy Sĩ", new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 6))));

        var places = Bar(cut, 3, "2026-11-02").QuerySelectorAll(".cal-bar-places .cal-bar-place");
        places.Select(p => (p.TextContent, p.GetAttribute("style"))).ShouldBe([("Pháp", "grid-column: span 2"), ("Thụy Sĩ", "grid-column: span 3")]);
    }

    [Fact]
    public void Lanes_beyond_the_limit_fold_into_a_count_on_each_day_they_cover()
    {
        var day = new DateOnly(2026, 11, 11);
        var cut = _ctx.Render<MonthGrid>(p => p.Add(g => g.Month, day).Add(g => g.MaxLanes, 2)
            .Add(g => g.MoreHref, d => "/more/" + d.Day)
            .Add(g => g.Entries, [Entry(1, "A", day, day.AddDays(1)), Entry(2, "B", day, day.AddDays(1)), Entry(3, "C", day, day.AddDays(2)), Entry(4, "D", day, day)]));

        // C (three days) keeps to the top lane, A takes the second; B and D do not fit in two lanes.
        cut.FindAll(".cal-grid a.cal-bar").Select(b => b.GetAttribute("data-activity")).ShouldBe(["3", "1"]);
        var more = cut.FindAll(".cal-grid .cal-more");
        more.Select(m => (m.TextContent, m.GetAttribute("href"))).ShouldBe([("+2 hoạt động khác", "/more/11"), ("+1 hoạt động khác", "/more/12")]);
    }

    [Fact]
    public void A_cancelled_activity_is_marked_so_it_can_be_struck_through()
    {
        var cut = November(Entry(8, "Hủy", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 19), ActivityStatus.Cancelled));

        var bar = Bar(cut, 8, "2026-11-19");
        bar.ClassList.ShouldContain("status-cancelled");
        bar.GetAttribute("title")!.ShouldContain("Đã hủy");
    }

    [Fact]
    public void The_phone_list_names_each_day_of_a_trip_with_the_day_count_and_the_country()
    {
        var cut = November(Entry(3, "Công du châu Âu", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), ActivityStatus.Confirmed,
            new CalendarLeg("Pháp", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)),
            new CalendarLeg("Thụy Sĩ", new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 4))));

        var days = cut.FindAll(".cal-daylist .cal-listday");
        days.Select(d => d.GetAttribute("data-date")).ShouldBe(["2026-11-02", "2026-11-03", "2026-11-04"]); // only days with activities
        days[2].QuerySelector("h3")!.TextContent.ShouldBe("Thứ Tư, 04/11/2026");
        days[2].QuerySelector(".cal-list-meta")!.TextContent.ShouldBe("ngày 3/3 · Thụy Sĩ · Tô Lâm");
    }
}
