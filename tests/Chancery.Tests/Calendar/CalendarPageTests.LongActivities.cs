using System.Net;
using System.Net.Http.Json;
using Chancery.Web.Activities;

namespace Chancery.Tests.Calendar;

public abstract partial class CalendarPageTests
{
    // May 2033: activities that began before the month. The month's query seeks by start date from 31 days
    // before it, so each of these sits on one side of that bound (1 April 2033 is 30 days before 1 May).
    [Fact]
    public async Task A_month_shows_every_activity_still_running_in_it_however_long_before_it_began()
    {
        var admin = await fixture.App.AdminClientAsync();
        async Task<ActivityDetail> Create(DateOnly start, DateOnly end, string title)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/activities", Input("multilateral_conference", start, end, title, new ActivityLegInput("FRA", null, null, null)), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        }
        await Create(new(2033, 1, 10), new(2033, 5, 3), "Span test: expo of four months");
        await Create(new(2033, 4, 20), new(2033, 5, 2), "Span test: twelve days");
        await Create(new(2033, 3, 1), new(2033, 4, 30), "Span test: ended the day before");
        var lengthened = await Create(new(2033, 3, 15), new(2033, 3, 20), "Span test: lengthened");

        // Lengthened by an edit: from six days to seven weeks, into May.
        (await admin.PutAsJsonAsync($"/api/v1/activities/{lengthened.Id}", Input("multilateral_conference", new(2033, 3, 15), new(2033, 5, 4),
            "Span test: lengthened", new ActivityLegInput("FRA", null, null, null)) with { Version = lengthened.Version }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var html = await PageAsync(admin, "/calendar?month=2033-05");

        BarsOn(html, "2033-05-01").Select(b => b.Title).Order().ShouldBe(
            ["Span test: expo of four months", "Span test: lengthened", "Span test: twelve days"]);
        BarsOn(html, "2033-05-03").Select(b => b.Title).Order().ShouldBe(["Span test: expo of four months", "Span test: lengthened"]);
        html.ShouldNotContain("Span test: ended the day before");
    }
}
