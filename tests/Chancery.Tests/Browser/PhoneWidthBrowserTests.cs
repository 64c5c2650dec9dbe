using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>On a phone (390 CSS pixels wide) every page fits the screen in both languages: nothing
/// widens the page past the window (wide tables scroll inside their own box), and the menu folds
/// behind its button until asked for.</summary>
public sealed class PhoneWidthBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    public static readonly string[] Pages =
    [
        "/", "/partners", "/partners/JPN", "/partners/JPN/edit", "/partnerships/import", "/people", "/people/new", "/activities",
        "/activities/new", "/activities/import", "/agreements", "/agreements/new", "/agreements/import", "/activities/import?codes=a", "/calendar", "/calendar?view=week", "/calendar?view=agenda", "/calendar/subscribe", "/reports/annual-review", "/search?q=nhat%20ban",
        "/audit", "/audit/chain", "/bin", "/users", "/users/new", "/users/tokens", "/units", "/account", "/account/authenticator", "/login/external/refused",
        "/directives", "/directives/new", "/tasks", "/tasks?view=overdue", "/tasks?view=deadlines", "/reports/task-scoreboard", "/notifications", "/notifications/outbox",
        "/commitments", "/commitments/new", "/commitments/import", "/commitments/exchange-rates", "/reports/realisation",
    ];

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task Every_page_fits_a_phone_screen(string language)
    {
        var page = await browser.NewPageAsync(Phone);
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/culture/{language}?returnUrl=/");

        // A person of this run's own, for their page and its edit form.
        await page.GotoAsync("/people/new");
        await page.FillAsync("input[name='Input.FullName']", $"Phone Width Person {language}");
        await page.Locator("button[value=save]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/people/\d+$"));
        var person = new Uri(page.Url).AbsolutePath;

        var tooWide = new List<string>();
        async Task MeasureAsync(string address)
        {
            if (new Uri(page.Url).PathAndQuery != address) await page.GotoAsync(address);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0) tooWide.Add($"{address} is {overflow}px wider than the phone");
        }
        foreach (var address in Pages.Append(person).Append(person + "/edit").Append(person + "/delete")) await MeasureAsync(address);

        // An agreement and a commitment under it with a delivery, for their pages, forms and the delete confirmation.
        var japan = language == "vi" ? ("Nhat", "Nhật Bản") : ("Japan", "Japan");
        var agreement = await AgreementFlowBrowserTests.CreateAgreementAsync(page, $"Bản ghi nhớ Phonewidth {language} về hợp tác năng lượng tái tạo và chuyển đổi xanh", japan);
        var commitment = await AgreementFlowBrowserTests.CreateCommitmentAsync(page, $"Phonewidth {language}: vốn ODA cho lưới điện truyền tải 500 kV",
            $"Phonewidth {language}", $"Bản ghi nhớ Phonewidth {language} về hợp tác năng lượng tái tạo và chuyển đổi xanh", japan);
        await page.Locator("form.delivery-form input[name='Delivery.Date']").FillAsync("2017-03-01");
        await page.Locator("form.delivery-form input[name='Delivery.Amount']").FillAsync("500000");
        await page.Locator("form.delivery-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=1"));
        foreach (var address in new[] { agreement, agreement + "/edit", agreement + "/delete", commitment, commitment + "/edit" }) await MeasureAsync(address);

        // The person deleted through their confirmation page, so the bin has a row to lay out.
        await page.GotoAsync(person + "/delete");
        await page.Locator("form.delete-form button.danger").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/people?deleted=1");
        await MeasureAsync("/bin?kind=person");
        await Expect(page.Locator("table.bin-items")).ToContainTextAsync($"Phone Width Person {language}");

        tooWide.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_menu_folds_behind_its_button_and_opens_on_a_tap()
    {
        var page = await browser.NewPageAsync(Phone);
        await BrowserApp.SignInAsync(page);
        var menu = page.Locator("nav.sidebar");

        await Expect(menu).ToBeHiddenAsync();
        await page.Locator("label.menu-button").ClickAsync();

        await Expect(menu).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Đối tác" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/partners");
    }

    [Fact]
    public async Task On_a_desk_the_menu_is_always_open_and_has_no_button()
    {
        var page = await browser.NewPageAsync(1440);
        await BrowserApp.SignInAsync(page);

        await Expect(page.Locator("nav.sidebar")).ToBeVisibleAsync();
        await Expect(page.Locator("label.menu-button")).ToBeHiddenAsync();
    }
}
