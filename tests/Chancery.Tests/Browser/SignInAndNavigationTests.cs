using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

public sealed partial class SignInAndNavigationTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Signing_in_through_the_form_lands_on_the_home_page()
    {
        var page = await browser.NewPageAsync();

        await BrowserApp.SignInAsync(page);

        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        await Expect(page.Locator("form[action='/account/logout']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_on_the_login_page()
    {
        var page = await browser.NewPageAsync();

        await BrowserApp.SubmitLoginAsync(page, Infrastructure.ChanceryAppFactory.AdminEmail, "not-the-password");

        // Vietnamese is the default language.
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Email hoặc mật khẩu không đúng.");
        new Uri(page.Url).AbsolutePath.ShouldBe("/login");
    }

    [Fact]
    public async Task The_header_search_finds_a_partner_typed_without_diacritics()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);

        await page.Locator(".global-search input[name=q]").FillAsync("han quoc");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(SearchPage());
        var korea = page.GetByRole(AriaRole.Link, new() { Name = "Hàn Quốc", Exact = true });
        await Expect(korea).ToHaveAttributeAsync("href", "/partners/KOR");
        // The browser goes to the partner's page (asserted on the request, so this holds whatever that page shows).
        var response = await page.RunAndWaitForResponseAsync(() => korea.ClickAsync(), r => KoreaPage().IsMatch(r.Url));
        response.Request.Method.ShouldBe("GET");
    }

    [Fact]
    public async Task Switching_to_English_is_remembered_on_the_next_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await Expect(page.GetByText("Đăng xuất")).ToBeVisibleAsync();

        await page.Locator("a[data-lang=en]").ClickAsync();
        await Expect(page.GetByText("Sign out", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/search?q=viet");
        await Expect(page.GetByText("Sign out", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"));
    }

    [GeneratedRegex(@"/search\?q=han(\+|%20)quoc$")]
    private static partial Regex SearchPage();

    [GeneratedRegex(@"/partners/KOR$")]
    private static partial Regex KoreaPage();
}
