using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Chancery.Web.Activities;

namespace Chancery.Tests.Calendar;

public abstract partial class CalendarPageTests
{
    // 14 February 2034 (a Tuesday) holds six calls; the month folds what does not fit into "+N more",
    // in the grid and in the day list a phone reads, both leading to that day's week.
    [Fact]
    public async Task A_crowded_day_lists_four_activities_and_leads_to_its_week_for_the_rest_on_a_phone_too()
    {
        var admin = await fixture.App.AdminClientAsync();
        var day = new DateOnly(2034, 2, 14);
        for (var i = 1; i <= 6; i++)
            (await admin.PostAsJsonAsync("/api/v1/activities", Input("phone_call", day, day, $"Crowded call {i}", new ActivityLegInput("JPN", null, null, null)), Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var html = await PageAsync(admin, "/calendar?month=2034-02");

        var list = new HtmlParser().ParseDocument(html).QuerySelector(".cal-daylist section[data-date='2034-02-14']")!;
        list.QuerySelectorAll("a.cal-list-item").Length.ShouldBe(4);
        var more = list.QuerySelector("a.cal-more")!;
        more.TextContent.Trim().ShouldBe("+2 hoạt động khác");
        more.GetAttribute("href")!.ShouldContain("week=2034-02-13");
        BarsOn(html, "2034-02-14").Count.ShouldBe(4);
    }
}
