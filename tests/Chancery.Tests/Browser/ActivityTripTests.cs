using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>An editor records a multi-leg trip through the form, choosing the leader and the countries by
/// typing part of their names (without diacritics), and sees it on the activity page.</summary>
public sealed class ActivityTripTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // Two full-page form posts on a busy two-core machine: give assertions the same patience as actions.
    static ActivityTripTests() => SetDefaultExpectTimeout(15_000);

    private const string LeaderCsv = "id,kind,date_start,date_end,status,leader_role,leader_name,direction,countries_iso3,counterpart_name,counterpart_role,host_or_venue,title,part_of,channel,classification,source,notes\n" +
        "bt-setup,official_visit,2025-06-01,2025-06-02,completed,Prime Minister,Nguyễn Văn Thử,outgoing,LAO,,,,Browser setup,,,internal,,\n";

    [Fact]
    public async Task A_three_leg_trip_in_two_countries_is_saved_and_shown_with_its_legs_in_order()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        // A write through the API with the browser's cookie carries the page's antiforgery token, as the app's own pages would.
        await page.GotoAsync("/activities/import");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var imported = await page.APIRequest.PostAsync("/api/v1/activities/import", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv", ["RequestVerificationToken"] = token! },
            Data = LeaderCsv,
        });
        imported.Ok.ShouldBeTrue(await imported.TextAsync());
        await page.GotoAsync("/activities/new");

        await page.Locator("select[name='Input.Kind']").SelectOptionAsync("state_visit");
        await page.Locator("input[name='Input.DateStart']").FillAsync("2025-06-10");
        await page.Locator("input[name='Input.DateEnd']").FillAsync("2025-06-18");
        await page.Locator("input[name='Input.Title']").FillAsync("Browser trip: France, Switzerland, France");
        await Pickers.PickAsync(page, "Input.LeadPersonId", "nguyen van thu", "Nguyễn Văn Thử", exact: true);
        await page.Locator("select[name='Input.LeaderRoleText']").SelectOptionAsync("Prime Minister of Vietnam");
        // Two blank rows are offered; ask for more before filling the third leg.
        await Pickers.PickAsync(page, "Input.Legs[0].CountryIso3", "phap", "Pháp", exact: true);
        await page.Locator("input[name='Input.Legs[0].City']").FillAsync("Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chặng" }).ClickAsync();
        // The page comes back and puts the reader where they were once it has loaded (js/keep-place.js).
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(page.Locator("input[name='Input.Legs[2].City']")).ToBeVisibleAsync();
        await Expect(page.Locator("select[name='Input.Legs[0].CountryIso3']")).ToHaveValueAsync("FRA");
        await Expect(page.Locator("input[name='Input.Legs[0].City']")).ToHaveValueAsync("Paris");
        await Leg(page, 0, "Paris", "2025-06-10", "2025-06-12");
        await Pickers.PickAsync(page, "Input.Legs[1].CountryIso3", "thuy si", "Thụy Sĩ", exact: true);
        await Leg(page, 1, "Geneva", "2025-06-13", "2025-06-15");
        await Pickers.PickAsync(page, "Input.Legs[2].CountryIso3", "switzerland", "Thụy Sĩ", exact: true); // by its English name
        await Leg(page, 2, "Marseille", "2025-06-16", "2025-06-18");
        await Pickers.PickAsync(page, "Input.Legs[2].CountryIso3", "france", "Pháp", exact: true); // corrected, by its English name
        await Expect(page.Locator("select[name='Input.LeadPersonId']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Expect(page.Locator("select[name='Input.Legs[2].CountryIso3']")).ToHaveValueAsync("FRA");
        await Expect(page.Locator("input[name='Input.Title']")).ToHaveValueAsync("Browser trip: France, Switzerland, France");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/activities/\d+\?saved=1$"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Browser trip: France, Switzerland, France");
        await Expect(page.Locator(".activity-facts")).ToContainTextAsync("Nguyễn Văn Thử");
        var rows = page.Locator("table.legs tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("Pháp");
        await Expect(rows.Nth(0)).ToContainTextAsync("Paris");
        await Expect(rows.Nth(0)).ToContainTextAsync("10/06/2025 – 12/06/2025");
        await Expect(rows.Nth(1)).ToContainTextAsync("Thụy Sĩ");
        await Expect(rows.Nth(1)).ToContainTextAsync("Geneva");
        await Expect(rows.Nth(2)).ToContainTextAsync("Pháp");
        await Expect(rows.Nth(2)).ToContainTextAsync("Marseille");
    }

    private static async Task Leg(IPage page, int row, string city, string from, string to)
    {
        await page.Locator($"input[name='Input.Legs[{row}].City']").FillAsync(city);
        await page.Locator($"input[name='Input.Legs[{row}].DateStart']").FillAsync(from);
        await page.Locator($"input[name='Input.Legs[{row}].DateEnd']").FillAsync(to);
    }
}
