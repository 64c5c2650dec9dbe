using Chancery.Web.Activities;
using Chancery.Web.Calendar;

namespace Chancery.Tests.Calendar;

/// <summary>The lane layout of a week: bars of activities that share a day never share a lane, an
/// activity keeps one lane across its days, and a week begins each continuing activity afresh.</summary>
public sealed class CalendarLanesTests
{
    // November 2026: Monday the 2nd to Sunday the 8th is a full week.
    private static readonly IReadOnlyList<DateOnly?> Week = Enumerable.Range(2, 7).Select(d => (DateOnly?)new DateOnly(2026, 11, d)).ToList();

    private static CalendarEntry Entry(int id, int firstDay, int lastDay, params CalendarLeg[] legs) =>
        new(id, ActivityKind.StateVisit, ActivityStatus.Confirmed, new DateOnly(2026, 11, firstDay), new DateOnly(2026, 11, lastDay),
            "Activity " + id, null, null, null, null, legs.Select(l => l.Country).Distinct().ToList(), legs);

    private static DateOnly Nov(int day) => new(2026, 11, day);

    [Fact]
    public void Two_activities_sharing_a_day_take_different_lanes_and_a_later_one_reuses_the_freed_lane()
    {
        var row = CalendarLanes.Place(Week, [Entry(1, 2, 4), Entry(2, 4, 6), Entry(3, 5, 6)]);

        var lane = row.Bars.ToDictionary(b => b.Entry.Id, b => b.Lane);
        lane[1].ShouldNotBe(lane[2]);                 // both on the 4th
        lane[3].ShouldNotBe(lane[2]);                 // both on the 5th and 6th
        lane[3].ShouldBe(lane[1]);                    // activity 1 ended on the 4th: its lane is free again
        row.LaneCount.ShouldBe(2);
    }

    [Fact]
    public void No_two_bars_in_one_lane_cover_the_same_day_however_crowded_the_week()
    {
        // Ten activities of varied lengths starting on varied days, several overlapping on each day.
        var entries = Enumerable.Range(0, 10).Select(i => Entry(i + 1, 2 + i % 5, Math.Min(8, 2 + i % 5 + i % 4))).ToList();

        var row = CalendarLanes.Place(Week, entries);

        row.Bars.Count.ShouldBe(10);
        foreach (var byLane in row.Bars.GroupBy(b => b.Lane))
        {
            var columns = byLane.SelectMany(b => Enumerable.Range(b.FirstColumn, b.Span)).ToList();
            columns.Count.ShouldBe(columns.Distinct().Count(), $"lane {byLane.Key} holds two bars on one day");
        }
        // Each activity is one bar covering exactly its days.
        foreach (var bar in row.Bars)
            bar.Days.ShouldBe(Enumerable.Range(bar.Entry.DateStart.Day, bar.Entry.DateEnd.Day - bar.Entry.DateStart.Day + 1).Select(Nov));
        // As many lanes as the busiest day has activities, no more.
        var busiest = Week.Max(d => entries.Count(e => e.Covers(d!.Value)));
        row.LaneCount.ShouldBe(busiest);
    }

    [Fact]
    public void An_activity_running_over_a_weekend_is_a_bar_in_each_week_and_the_second_one_continues_from_before()
    {
        var visit = Entry(7, 6, 10);
        var month = new MonthLayout(2026, 11);

        var rows = month.Rows([visit]);

        // Friday 6 – Sunday 8 in the week of the 2nd; Monday 9 – Tuesday 10 in the week of the 9th.
        var first = rows[1].Bars.ShouldHaveSingleItem();
        var second = rows[2].Bars.ShouldHaveSingleItem();
        (first.FirstDay, first.LastDay, first.FromBefore, first.ToAfter).ShouldBe((Nov(6), Nov(8), false, true));
        (second.FirstDay, second.LastDay, second.FromBefore, second.ToAfter).ShouldBe((Nov(9), Nov(10), true, false));
        (second.FirstColumn, second.Span).ShouldBe((0, 2));
    }

    [Fact]
    public void A_trip_names_the_country_of_each_day_and_both_on_the_day_of_travel()
    {
        var trip = Entry(9, 2, 6, new CalendarLeg("Pháp", Nov(2), Nov(4)), new CalendarLeg("Thụy Sĩ", Nov(4), Nov(6)));

        var bar = CalendarLanes.Place(Week, [trip]).Bars.Single();

        bar.PlaceRuns().ShouldBe([("Pháp", 2), ("Pháp → Thụy Sĩ", 1), ("Thụy Sĩ", 2)]);
    }

    [Fact]
    public void A_visit_to_one_country_without_leg_dates_is_there_every_day_and_undated_legs_in_two_countries_say_nothing()
    {
        var visit = Entry(10, 2, 3, new CalendarLeg("Lào", null, null));
        var tour = Entry(11, 2, 3, new CalendarLeg("Lào", null, null), new CalendarLeg("Campuchia", null, null));

        visit.PlaceOn(Nov(3)).ShouldBe("Lào");
        tour.PlaceOn(Nov(3)).ShouldBeNull();
        visit.PlaceOn(Nov(4)).ShouldBeNull(); // after the visit
    }

    [Fact]
    public void Days_outside_the_month_hold_no_bar()
    {
        // November 2026 begins on a Sunday: the first row is six blank days and the 1st.
        var month = new MonthLayout(2026, 11);
        var octoberToNovember = new CalendarEntry(12, ActivityKind.WorkingVisit, ActivityStatus.Planned, new DateOnly(2026, 10, 29), Nov(2),
            "Across the months", null, null, null, null, [], []);

        var rows = month.Rows([octoberToNovember]);

        var bar = rows[0].Bars.ShouldHaveSingleItem();
        (bar.FirstColumn, bar.Span, bar.FromBefore, bar.ToAfter).ShouldBe((6, 1, true, true));
    }
}
