using Chancery.Tests.Accounts;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Microsoft.Playwright;

namespace Chancery.Tests.Browser;

/// <summary>The "Sign in with …" button in Chromium with JavaScript turned off, on a phone: the form post
/// reaches the provider (the sign-in page's Content-Security-Policy lets its form lead there) and comes
/// back signed in; the refusal page fits the screen.</summary>
public sealed class SingleSignOnBrowserTests(OidcSignInApp fixture) : IClassFixture<OidcSignInApp>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (TestEnvironment.ChromiumPath is null) return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task<IPage> PhoneAsync(string locale)
    {
        if (_browser is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.BrowserSkipReason);
            Assert.Skip(TestEnvironment.BrowserSkipReason);
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = locale, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Fact]
    public async Task The_button_signs_in_through_the_provider_without_script_and_fits_a_phone()
    {
        var email = $"sso.browser.{Guid.NewGuid().ToString("N")[..6]}@test.local";
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        fixture.Provider.NextUser = new ProviderUser("sub-browser", email, EmailVerified: true, "pwd");
        var page = await PhoneAsync("vi-VN");

        await page.GotoAsync("/login");
        var button = page.Locator("form.sso-form button");
        (await button.InnerTextAsync()).ShouldBe("Đăng nhập bằng " + OidcSignInApp.ProviderNameVi);
        (await OverflowAsync(page)).ShouldBeLessThanOrEqualTo(0);
        await button.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.Locator("a.whoami").TextContentAsync())!.Trim().ShouldBe(email);
    }

    [Fact]
    public async Task The_refusal_page_reads_in_english_and_fits_a_phone()
    {
        fixture.Provider.NextUser = new ProviderUser("sub-nobody", "nobody.browser@test.local", EmailVerified: true, "pwd");
        var page = await PhoneAsync("en-US");
        await page.GotoAsync("/culture/en?returnUrl=%2Flogin");

        await page.Locator("form.sso-form button").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login/external/refused");
        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("This identity does not open a Chancery account");
        (await OverflowAsync(page)).ShouldBeLessThanOrEqualTo(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
