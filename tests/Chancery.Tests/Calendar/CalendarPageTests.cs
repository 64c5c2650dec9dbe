using Chancery.Web.Common.Security;
using System.Net;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Calendar;

/// <summary>The calendar pages as HTML (Vietnamese, the default), requested with a bearer token.</summary>
public abstract partial class CalendarPageTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PageAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));

    /// <summary>The inner HTML of the grid cell for one day.</summary>
    private static string Cell(string html, string isoDay)
    {
        var match = Regex.Match(html, $"<td[^>]*data-date=\"{isoDay}\"[^>]*>(?<body>.*?)</td>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no cell for {isoDay}");
        return match.Groups["body"].Value;
    }

    [Fact]
    public async Task March_2025_shows_the_two_day_visit_to_laos_on_both_of_its_days()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var html = await PageAsync(admin, "/calendar?month=2025-03");

        html.ShouldContain("Tháng 3 2025");
        // m1: working visit to Laos, 5–6 March 2025 (a Wednesday and a Thursday).
        Cell(html, "2025-03-05").ShouldContain("Visit to Laos as deputy");
        Cell(html, "2025-03-06").ShouldContain("href=\"/activities/");
        Cell(html, "2025-03-04").ShouldNotContain("cal-chip");
        Cell(html, "2025-03-07").ShouldNotContain("cal-chip");
        // 1 March 2025 is a Saturday: five blank cells open the first week.
        var firstWeek = Regex.Match(html, "<tbody>\\s*<tr>(?<w>.*?)</tr>", RegexOptions.Singleline).Groups["w"].Value;
        Regex.Matches(firstWeek, "class=\"blank\"").Count.ShouldBe(5);
    }

    [Fact]
    public async Task The_month_hides_cancelled_activities_unless_asked_and_reads_in_english()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var byDefault = await PageAsync(admin, "/calendar?month=2025-11&culture=en");
        var all = await PageAsync(admin, "/calendar?month=2025-11&status=all&culture=en");

        byDefault.ShouldContain("November 2025");
        byDefault.ShouldNotContain("Cancelled visit to Japan");
        Cell(all, "2025-11-21").ShouldContain("Cancelled visit to Japan");
        Cell(all, "2025-11-21").ShouldContain("status-cancelled");
    }

    [Fact]
    public async Task An_internal_viewer_does_not_see_the_confidential_visit_in_the_month()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var viewer = await fixture.App.UserClientAsync("calendar-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var adminHtml = await PageAsync(admin, "/calendar?month=2025-08");
        var viewerHtml = await PageAsync(viewer, "/calendar?month=2025-08");

        Cell(adminHtml, "2025-08-01").ShouldContain("Visit to India");
        Cell(viewerHtml, "2025-08-01").ShouldNotContain("Visit to India");
    }

    [Fact]
    public async Task The_leader_and_kind_filters_narrow_the_month()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var june = await PageAsync(admin, "/calendar?month=2025-06");
        var option = Regex.Match(june, "<option value=\"(?<id>\\d+)\"[^>]*>Lương Cường</option>");
        option.Success.ShouldBeTrue("Lương Cường is not among the leaders to filter by");

        var byLeader = await PageAsync(admin, "/calendar?month=2025-06&leader=" + option.Groups["id"].Value);
        var byKind = await PageAsync(admin, "/calendar?month=2025-06&kind=bilateral_meeting");

        // June 2025: i3 (3–5 June) is led by Lương Cường; the trip t1 and its meetings by Phạm Minh Chính.
        byLeader.ShouldContain("Visit by the Australian Prime Minister");
        byLeader.ShouldNotContain("Trip to France and Switzerland");
        byKind.ShouldContain("Meeting the Swiss President");
        byKind.ShouldContain("Meeting the German Chancellor");
        byKind.ShouldNotContain("Summit in Geneva");
    }

    [Fact]
    public async Task The_subscribe_page_creates_a_link_and_a_second_press_replaces_it()
    {
        var viewer = await fixture.App.UserClientAsync("calendar-subscriber@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var page = await PageAsync(viewer, "/calendar/subscribe");
        page.ShouldContain("Bạn chưa có địa chỉ lịch.");

        var first = await PressAsync(viewer, page);
        var firstUrl = FeedUrl(first);
        var second = await PressAsync(viewer, first);
        var secondUrl = FeedUrl(second);

        firstUrl.ShouldStartWith("http://localhost/calendar/feed/");
        secondUrl.ShouldNotBe(firstUrl);
        second.ShouldContain("Liên kết cũ không còn dùng được");
        var anonymous = fixture.App.CreateClient();
        (await anonymous.GetAsync(new Uri(firstUrl).PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(secondUrl).PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> PressAsync(HttpClient client, string page)
    {
        var response = await client.PostAsync("/calendar/subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "rotate-calendar-link", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static string FeedUrl(string page)
    {
        var match = Regex.Match(page, "id=\"feed-url\"[^>]*value=\"(?<url>[^\"]+)\"");
        match.Success.ShouldBeTrue("the page shows no feed address");
        return match.Groups["url"].Value;
    }

    private static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<a>[^\"]+)\"|<input[^>]*value=\"(?<b>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryInput();

    [Fact]
    public async Task The_agenda_groups_the_next_sixty_days_by_day()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var html = await PageAsync(admin, "/calendar?view=agenda&from=2025-06-01");

        // From 1 June to 30 July 2025: i3 (3 June) comes before t1 (10 June), and ot (1 July) is in; o1 (2024) is not.
        var i3 = html.IndexOf("Visit by the Australian Prime Minister", StringComparison.Ordinal);
        var t1 = html.IndexOf("Trip to France and Switzerland", StringComparison.Ordinal);
        i3.ShouldBeGreaterThan(0);
        t1.ShouldBeGreaterThan(i3);
        html.ShouldContain("Online talks with China");
        html.ShouldContain("Thứ Ba, 03/06/2025");
        html.ShouldNotContain("Visit to Italy");
        html.ShouldNotContain("Second visit to France"); // 5 October: outside the 60 days
    }
}

public sealed class CalendarPageTestsOnSqlite(SqliteApp fixture) : CalendarPageTests(fixture), IClassFixture<SqliteApp>;

public sealed class CalendarPageTestsOnPostgres(PostgresApp fixture) : CalendarPageTests(fixture), IClassFixture<PostgresApp>;
