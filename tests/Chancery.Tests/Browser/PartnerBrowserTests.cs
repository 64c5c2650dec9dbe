using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

public sealed class PartnerBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_partner_found_without_diacritics_opens_on_its_page_with_its_ladder()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync("/partners?q=an%20do");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ấn Độ", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/partners/IND");
        await Expect(page.Locator("h1")).ToContainTextAsync("Ấn Độ");
        // shared/data/partnerships.csv: strategic in 2007, comprehensive strategic on 3 September 2016.
        await Expect(page.Locator("time[datetime=\"2016-09-03\"]")).ToHaveTextAsync("03/09/2016");
        await Expect(page.GetByText("Đối tác chiến lược toàn diện").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_import_file_with_an_error_is_refused_and_the_error_names_the_line_and_column()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/partnerships/import");
        var csv = "partner_iso3,partner_name,level,established_date\n" +
                  "FRA,France,strategic,2013\n" +
                  "DEU,Germany,best_friends,2011-10\n"; // line 3: no such level

        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "partnerships.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("form:has(input[type=file]) button[type=submit]").ClickAsync();

        var problem = page.Locator("table.import-problems tbody tr");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("level");
        await Expect(problem.Locator("td").Nth(2)).ToContainTextAsync("best_friends");
        // The reason in the page's language (the API gives it in English, with its code).
        await Expect(problem.Locator("td").Nth(2)).ToContainTextAsync("'best_friends' không thuộc các giá trị:");
        await Expect(page.GetByText("Chưa có dữ liệu nào được lưu", new() { Exact = false })).ToBeVisibleAsync();
    }
}
