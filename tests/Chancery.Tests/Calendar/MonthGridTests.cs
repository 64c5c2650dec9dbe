using System.Globalization;
using Bunit;
using Chancery.Web.Activities;
using Chancery.Web.Calendar;
using Chancery.Web.Calendar.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Calendar;

/// <summary>The month grid as a reader sees it, in Vietnamese (the default culture): Monday-first weeks.</summary>
public sealed class MonthGridTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public MonthGridTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private static CalendarEntry Entry(int id, string title, DateOnly start, DateOnly end, ActivityStatus status = ActivityStatus.Completed) =>
        new(id, ActivityKind.StateVisit, status, start, end, title, null, "Tô Lâm", null, "Paris", ["FRA"]);

    [Fact]
    public void November_2026_starts_on_a_sunday_so_its_first_week_has_six_blank_days()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        var cut = ctx.Render<MonthGrid>(p => p.Add(g => g.Month, new DateOnly(2026, 11, 1)));

        cut.FindAll("thead th").Select(th => th.TextContent).ShouldBe(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
        var rows = cut.FindAll("tbody tr");
        // 6 blanks + 30 days = 36 cells: six weeks, the last holding only Monday the 30th.
        rows.Count.ShouldBe(6);
        var first = rows[0].QuerySelectorAll("td");
        first.Take(6).ShouldAllBe(td => td.ClassList.Contains("blank"));
        first[6].QuerySelector(".day-number")!.TextContent.ShouldBe("1");
        var last = rows[5].QuerySelectorAll("td");
        last[0].QuerySelector(".day-number")!.TextContent.ShouldBe("30");
        last.Skip(1).ShouldAllBe(td => td.ClassList.Contains("blank"));
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
    public void A_four_day_visit_shows_on_each_of_its_days_and_links_to_the_activity()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        var cut = ctx.Render<MonthGrid>(p => p
            .Add(g => g.Month, new DateOnly(2026, 11, 1))
            .Add(g => g.Entries, [Entry(7, "Thăm Pháp", new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 6))]));

        string[] days = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07"];
        var chips = days.Select(d => cut.Find($"td[data-date='{d}']").QuerySelectorAll("a.cal-chip").Length).ToArray();
        chips.ShouldBe([0, 1, 1, 1, 1, 0]);
        var firstDay = cut.Find("td[data-date='2026-11-03'] a.cal-chip");
        firstDay.GetAttribute("href").ShouldBe("/activities/7");
        firstDay.TextContent.Trim().ShouldBe("Thăm Pháp");
        // The middle days continue the bar instead of repeating the title.
        cut.Find("td[data-date='2026-11-04'] a.cal-chip").ClassList.ShouldContain("from-before");
    }

    [Fact]
    public void A_cancelled_activity_is_marked_so_it_can_be_struck_through()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        var cut = ctx.Render<MonthGrid>(p => p
            .Add(g => g.Month, new DateOnly(2026, 11, 1))
            .Add(g => g.Entries, [Entry(8, "Hủy", new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 19), ActivityStatus.Cancelled)]));

        var chip = cut.Find("td[data-date='2026-11-19'] a.cal-chip");
        chip.ClassList.ShouldContain("status-cancelled");
        chip.GetAttribute("title")!.ShouldContain("Đã hủy");
    }
}
