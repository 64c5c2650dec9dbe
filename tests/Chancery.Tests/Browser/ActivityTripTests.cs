using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>An editor records a multi-leg trip through the form and sees it on the activity page.</summary>
public sealed class ActivityTripTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // Two full-page form posts on a busy two-core machine: give assertions the same patience as actions.
    static ActivityTripTests() => SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task A_three_leg_trip_in_two_countries_is_saved_and_shown_with_its_legs_in_order()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/activities/new");

        await page.Locator("select[name='Input.Kind']").SelectOptionAsync("state_visit");
        await page.Locator("input[name='Input.DateStart']").FillAsync("2025-06-10");
        await page.Locator("input[name='Input.DateEnd']").FillAsync("2025-06-18");
        await page.Locator("input[name='Input.Title']").FillAsync("Browser trip: France, Switzerland, France");
        await page.Locator("select[name='Input.LeaderRoleText']").SelectOptionAsync("Prime Minister of Vietnam");
        // Two blank rows are offered; ask for more before filling the third leg.
        await page.Locator("input[name='Input.Legs[0].CountryIso3']").FillAsync("FRA");
        await page.Locator("input[name='Input.Legs[0].City']").FillAsync("Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chặng" }).ClickAsync();
        await Expect(page.Locator("input[name='Input.Legs[2].CountryIso3']")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Input.Legs[0].CountryIso3']")).ToHaveValueAsync("FRA");
        await Leg(page, 0, "FRA", "Paris", "2025-06-10", "2025-06-12");
        await Leg(page, 1, "CHE", "Geneva", "2025-06-13", "2025-06-15");
        await Leg(page, 2, "FRA", "Marseille", "2025-06-16", "2025-06-18");
        await Expect(page.Locator("input[name='Input.Title']")).ToHaveValueAsync("Browser trip: France, Switzerland, France");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/activities/\d+\?saved=1$"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Browser trip: France, Switzerland, France");
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

    private static async Task Leg(IPage page, int row, string country, string city, string from, string to)
    {
        await page.Locator($"input[name='Input.Legs[{row}].CountryIso3']").FillAsync(country);
        await page.Locator($"input[name='Input.Legs[{row}].City']").FillAsync(city);
        await page.Locator($"input[name='Input.Legs[{row}].DateStart']").FillAsync(from);
        await page.Locator($"input[name='Input.Legs[{row}].DateEnd']").FillAsync(to);
    }
}
