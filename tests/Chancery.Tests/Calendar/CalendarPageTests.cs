using Chancery.Web.Common.Security;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using AngleSharp.Html.Parser;
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

    /// <summary>The activity bars of the month or week grid, as the page prints them.</summary>
    private static List<PageBar> Bars(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll(".cal-grid a.cal-bar").Select(a => new PageBar(
            int.Parse(a.GetAttribute("data-activity")!, CultureInfo.InvariantCulture),
            a.QuerySelector(".cal-bar-title")!.TextContent.Trim(),
            DateOnly.Parse(a.GetAttribute("data-first")!, CultureInfo.InvariantCulture),
            DateOnly.Parse(a.GetAttribute("data-last")!, CultureInfo.InvariantCulture),
            int.Parse(a.GetAttribute("data-lane")!, CultureInfo.InvariantCulture),
            a.ClassList.ToList(),
            a.QuerySelectorAll(".cal-bar-place").Select(p => p.TextContent.Trim()).ToList())).ToList();

    private sealed record PageBar(int Id, string Title, DateOnly First, DateOnly Last, int Lane, List<string> Classes, List<string> Places)
    {
        public bool Covers(DateOnly day) => First <= day && day <= Last;
    }

    private static List<PageBar> BarsOn(string html, string isoDay) =>
        Bars(html).Where(b => b.Covers(DateOnly.Parse(isoDay, CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public async Task March_2025_shows_the_two_day_visit_to_laos_on_both_of_its_days()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var html = await PageAsync(admin, "/calendar?month=2025-03");

        html.ShouldContain("Tháng 3 2025");
        // m1: working visit to Laos, 5–6 March 2025 (a Wednesday and a Thursday): one bar over both days.
        var laos = BarsOn(html, "2025-03-05").ShouldHaveSingleItem();
        (laos.Title, laos.First, laos.Last).ShouldBe(("Visit to Laos as deputy", new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 6)));
        html.ShouldContain($"href=\"/activities/{laos.Id}\"");
        BarsOn(html, "2025-03-04").ShouldBeEmpty();
        BarsOn(html, "2025-03-07").ShouldBeEmpty();
        // 1 March 2025 is a Saturday: five blank cells open the first week.
        var firstWeek = new HtmlParser().ParseDocument(html).QuerySelector(".month-grid .cal-week")!;
        firstWeek.QuerySelectorAll(".cal-day.blank").Length.ShouldBe(5);
    }

    // March 2031: a tour (France, Switzerland, Germany) from Wednesday the 5th to Tuesday the 11th, crossing
    // into the week of Monday the 10th; a visit to Japan (6–8) and a call (7th) on days of the tour.
    private static readonly DateOnly TourStart = new(2031, 3, 5);

    private static ActivityInput Input(string kind, DateOnly start, DateOnly end, string title, params ActivityLegInput[] legs) => new(
        ExternalRef: null, Kind: kind, Direction: null, Status: "confirmed", DateStart: start, DateEnd: end, Title: title, HostOrVenue: null,
        Channel: null, LeadPersonId: null, LeaderRoleText: "Thủ tướng", CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null,
        OwnerUnitId: null, Outcomes: null, Themes: null, Sources: null, Notes: null, Classification: null, Legs: legs, Version: null);

    private static async Task EnsureTourAsync(HttpClient admin)
    {
        var existing = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=lane%20test", Ct);
        if (existing!.Total > 0) return;
        ActivityInput[] inputs =
        [
            Input("state_visit", TourStart, TourStart.AddDays(6), "Lane test: European tour",
                new ActivityLegInput("FRA", "Paris", TourStart, TourStart.AddDays(2)), new ActivityLegInput("CHE", "Geneva", TourStart.AddDays(2), TourStart.AddDays(4)),
                new ActivityLegInput("DEU", "Berlin", TourStart.AddDays(5), TourStart.AddDays(6))),
            Input("official_visit", TourStart.AddDays(1), TourStart.AddDays(3), "Lane test: Japan", new ActivityLegInput("JPN", "Tokyo", null, null)),
            Input("phone_call", TourStart.AddDays(2), TourStart.AddDays(2), "Lane test: call", new ActivityLegInput("AUS", null, null, null)),
        ];
        foreach (var input in inputs) (await admin.PostAsJsonAsync("/api/v1/activities", input, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Overlapping_activities_take_separate_lanes_and_a_tour_names_its_country_on_each_day_and_its_title_in_the_next_week()
    {
        var admin = await fixture.App.AdminClientAsync();
        await EnsureTourAsync(admin);

        var vi = await PageAsync(admin, "/calendar?month=2031-03");
        var en = await PageAsync(admin, "/calendar?month=2031-03&culture=en");

        var bars = Bars(vi);
        var tour = bars.Where(b => b.Title == "Lane test: European tour").OrderBy(b => b.First).ToList();
        var japan = bars.Single(b => b.Title == "Lane test: Japan");
        var call = bars.Single(b => b.Title == "Lane test: call");
        // The first week's piece runs Wednesday 5 to Sunday 9; the three share the 7th, so three lanes.
        tour.Select(b => (b.First, b.Last)).ShouldBe([(TourStart, TourStart.AddDays(4)), (TourStart.AddDays(5), TourStart.AddDays(6))]);
        new[] { tour[0].Lane, japan.Lane, call.Lane }.Distinct().Count().ShouldBe(3);
        // France until the 7th, when the leader travels on to Switzerland; Germany in the second week.
        tour[0].Places.ShouldBe(["Pháp", "Pháp → Thụy Sĩ", "Thụy Sĩ"]);
        tour[1].Classes.ShouldContain("from-before");
        tour[1].Places.ShouldBe(["Đức"]);
        Bars(en).Where(b => b.Title == "Lane test: European tour").SelectMany(b => b.Places)
            .ShouldBe(["France", "France → Switzerland", "Switzerland", "Germany"]);
        // Each day's number opens its week.
        vi.ShouldContain("href=\"/calendar?view=week&week=2031-03-03\"");
    }

    [Fact]
    public async Task The_week_view_shows_one_week_in_lanes_with_its_neighbours_and_the_month_a_click_away()
    {
        var admin = await fixture.App.AdminClientAsync();
        await EnsureTourAsync(admin);

        var html = await PageAsync(admin, "/calendar?view=week&week=2031-03-06");
        var en = await PageAsync(admin, "/calendar?view=week&week=2031-03-12&culture=en");

        html.ShouldContain("Tuần 03/03/2031 – 09/03/2031");
        var bars = Bars(html);
        bars.Select(b => b.Title).ShouldBe(["Lane test: European tour", "Lane test: Japan", "Lane test: call"], ignoreOrder: true);
        bars.Select(b => b.Lane).Distinct().Count().ShouldBe(3);
        html.ShouldContain("href=\"/calendar?view=week&week=2031-02-24\"");   // previous week
        html.ShouldContain("href=\"/calendar?view=week&week=2031-03-10\"");   // next week
        html.ShouldContain("href=\"/calendar?month=2031-03\"");              // back to the month
        // The next week holds only the tour's last two days, still titled, in Germany.
        en.ShouldContain("Week of 10 Mar 2031 – 16 Mar 2031");
        var rest = Bars(en).ShouldHaveSingleItem();
        (rest.Title, rest.First, rest.Last, rest.Places.Single()).ShouldBe(("Lane test: European tour", new DateOnly(2031, 3, 10), new DateOnly(2031, 3, 11), "Germany"));
        // On a phone the same week reads as a list of its seven days.
        new HtmlParser().ParseDocument(en).QuerySelectorAll(".cal-daylist .cal-listday").Length.ShouldBe(7);
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
        var cancelled = BarsOn(all, "2025-11-21").ShouldHaveSingleItem();
        cancelled.Title.ShouldBe("Cancelled visit to Japan");
        cancelled.Classes.ShouldContain("status-cancelled");
    }

    [Fact]
    public async Task An_internal_viewer_does_not_see_the_confidential_visit_in_the_month()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var viewer = await fixture.App.UserClientAsync("calendar-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var adminHtml = await PageAsync(admin, "/calendar?month=2025-08");
        var viewerHtml = await PageAsync(viewer, "/calendar?month=2025-08");

        BarsOn(adminHtml, "2025-08-01").Select(b => b.Title).ShouldContain("Visit to India");
        BarsOn(viewerHtml, "2025-08-01").Select(b => b.Title).ShouldNotContain("Visit to India");
        viewerHtml.ShouldNotContain("Visit to India");
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

    [Fact]
    public async Task The_subscribe_page_fixes_the_chosen_language_into_the_address_and_that_feed_speaks_it()
    {
        var viewer = await fixture.App.UserClientAsync("calendar-linguist@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var vietnamese = FeedUrl(await PressAsync(viewer, await PageAsync(viewer, "/calendar/subscribe")));
        var english = FeedUrl(await PressAsync(viewer, await PageAsync(viewer, "/calendar/subscribe"), "en"));
        var englishPage = await PageAsync(viewer, "/calendar/subscribe?culture=en");

        vietnamese.ShouldEndWith(".ics");                   // Vietnamese, the default, needs no parameter
        english.ShouldEndWith(".ics?culture=en");
        englishPage.ShouldContain("<option value=\"en\" selected");   // an English reader is offered English first
        var feed = await fixture.App.CreateClient().GetStringAsync(new Uri(english).PathAndQuery, Ct);
        feed.ShouldContain("X-WR-CALNAME:Leaders' calendar");
    }

    [Fact]
    public async Task The_address_is_shown_once_and_never_again_on_the_page()
    {
        var viewer = await fixture.App.UserClientAsync("calendar-once@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var url = FeedUrl(await PressAsync(viewer, await PageAsync(viewer, "/calendar/subscribe")));
        var later = await PageAsync(viewer, "/calendar/subscribe");

        later.ShouldNotContain(new Uri(url).AbsolutePath);
        later.ShouldContain("Bạn đã có địa chỉ lịch");
        (await fixture.App.CreateClient().GetAsync(new Uri(url).PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> PressAsync(HttpClient client, string page, string? language = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "rotate-calendar-link", ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        if (language is not null) fields["Language"] = language;
        var response = await client.PostAsync("/calendar/subscribe", new FormUrlEncodedContent(fields), Ct);
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
