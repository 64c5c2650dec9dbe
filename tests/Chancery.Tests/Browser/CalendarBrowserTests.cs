using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Microsoft.Playwright;

namespace Chancery.Tests.Browser;

/// <summary>The month view as Chromium draws it: with several multi-day activities overlapping, no two
/// bars (nor their country labels) print over each other, on a desk and on a phone.</summary>
public sealed class CalendarBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Month = "2032-05";

    private sealed record Box(string Name, double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box o) =>
            X < o.X + o.Width - 0.5 && o.X < X + Width - 0.5 && Y < o.Y + o.Height - 0.5 && o.Y < Y + Height - 0.5;

        public bool Contains(Box o) => o.X >= X - 0.5 && o.Y >= Y - 0.5 && o.X + o.Width <= X + Width + 0.5 && o.Y + o.Height <= Y + Height + 0.5;
    }

    private sealed record TokenResponse(string AccessToken);

    /// <summary>Five activities in May 2032 sharing days: a dated three-country tour, and visits across the
    /// weekend into the next week. Made once through the API, as an integration would.</summary>
    private async Task EnsureActivitiesAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
        if ((await http.GetStringAsync("/api/v1/activities?q=overprint")).Contains("Overprint", StringComparison.Ordinal)) return;

        static DateOnly May(int day) => new(2032, 5, day);
        ActivityInput[] inputs =
        [
            Input("state_visit", May(10), May(16), "Overprint A: state visit to France, Switzerland and Germany",
                new ActivityLegInput("FRA", null, May(10), May(12)), new ActivityLegInput("CHE", null, May(12), May(14)), new ActivityLegInput("DEU", null, May(15), May(16))),
            Input("official_visit", May(11), May(13), "Overprint B: official visit to Japan", new ActivityLegInput("JPN", null, null, null)),
            Input("working_visit", May(12), May(19), "Overprint C: working visit to India and Sri Lanka",
                new ActivityLegInput("IND", null, May(12), May(15)), new ActivityLegInput("LKA", null, May(16), May(19))),
            Input("phone_call", May(12), May(12), "Overprint D: call with Canberra", new ActivityLegInput("AUS", null, null, null)),
            Input("multilateral_conference", May(13), May(14), "Overprint E: summit", new ActivityLegInput("CHE", null, null, null)),
        ];
        foreach (var input in inputs) (await http.PostAsJsonAsync("/api/v1/activities", input)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static ActivityInput Input(string kind, DateOnly start, DateOnly end, string title, params ActivityLegInput[] legs) => new(
        ExternalRef: null, Kind: kind, Direction: null, Status: "confirmed", DateStart: start, DateEnd: end, Title: title, HostOrVenue: null,
        Channel: null, LeadPersonId: null, LeaderRoleText: "Thủ tướng", CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null,
        OwnerUnitId: null, Outcomes: null, Themes: null, Sources: null, Notes: null, Classification: null, Legs: legs, Version: null);

    private static async Task<List<Box>> BoxesAsync(IPage page, string selector)
    {
        var boxes = new List<Box>();
        foreach (var element in await page.Locator(selector).AllAsync())
        {
            if (!await element.IsVisibleAsync()) continue;
            var b = (await element.BoundingBoxAsync())!;
            boxes.Add(new Box((await element.InnerTextAsync()).ReplaceLineEndings(" "), b.X, b.Y, b.Width, b.Height));
        }
        return boxes;
    }

    private static List<string> Overlapping(List<Box> boxes) =>
        [.. from a in boxes.Select((b, i) => (b, i)) from c in boxes.Select((b, i) => (b, i))
            where a.i < c.i && a.b.Overlaps(c.b) select $"'{a.b.Name}' overprints '{c.b.Name}'"];

    [Fact]
    public async Task On_a_desk_overlapping_multi_day_activities_are_bars_in_separate_lanes_that_never_overprint()
    {
        await EnsureActivitiesAsync();
        var page = await browser.NewPageAsync(1440);
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync("/calendar?month=" + Month);

        var bars = await BoxesAsync(page, ".cal-grid a.cal-bar");
        // Five activities, six bars: C runs on past Sunday the 16th into the week of the 17th.
        bars.Count(b => b.Name.Contains("Overprint", StringComparison.Ordinal)).ShouldBe(6);
        Overlapping(bars).ShouldBeEmpty();
        bars.ShouldAllBe(b => b.Height > 10 && b.Width > 100);
        // Each country label stays inside its own bar.
        foreach (var bar in await page.Locator(".cal-grid a.cal-bar").AllAsync())
        {
            var outer = (await bar.BoundingBoxAsync())!;
            foreach (var place in await bar.Locator(".cal-bar-places .cal-bar-place").AllAsync())
            {
                var inner = (await place.BoundingBoxAsync())!;
                new Box("bar", outer.X, outer.Y, outer.Width, outer.Height).Contains(new Box("place", inner.X, inner.Y, inner.Width, inner.Height))
                    .ShouldBeTrue($"'{await place.InnerTextAsync()}' spills out of its bar");
            }
        }
        // The continuation of C in the week of the 17th carries its title.
        (await page.Locator(".cal-grid a.cal-bar.from-before .cal-bar-title").AllInnerTextsAsync())
            .ShouldContain("Overprint C: working visit to India and Sri Lanka");
    }

    [Fact]
    public async Task On_a_phone_the_month_is_a_list_of_days_whose_entries_never_overprint_and_fit_the_screen()
    {
        await EnsureActivitiesAsync();
        var page = await browser.NewPageAsync(390);
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync("/calendar?month=" + Month);

        (await BoxesAsync(page, ".cal-grid a.cal-bar")).ShouldBeEmpty();
        var items = await BoxesAsync(page, ".cal-daylist a.cal-list-item");
        // 12 May: A, B, C and the call; the list names the day of each and the country the leader is in.
        var twelfth = page.Locator(".cal-listday[data-date='2032-05-12']");
        (await twelfth.Locator("a.cal-list-item").CountAsync()).ShouldBe(4);
        (await twelfth.InnerTextAsync()).ShouldContain("ngày 3/7 · Pháp → Thụy Sĩ");
        Overlapping(items).ShouldBeEmpty();
        items.ShouldAllBe(b => b.X >= 0 && b.X + b.Width <= 390);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
    }
}
