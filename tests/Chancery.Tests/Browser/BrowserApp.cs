using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chancery.Tests.Browser;

/// <summary>The app on a real Kestrel port (SQLite) and Debian's Chromium driven by Playwright. Shared by
/// a test class; each test opens its own <see cref="NewPageAsync"/> (own cookies). Never downloads a
/// browser: without Chromium the tests skip (or fail when CHANCERY_REQUIRE_ALL=1). With
/// CHANCERY_TEST_PUBLISHED_URL set, the browser drives that running app instead (a published fresh
/// clone, started by .ci/check-publish.sh with this class's administrator) and no app is started here.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private ChanceryAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ChanceryAppFactory App => _app ?? throw new InvalidOperationException("The browser app did not start in this process.");

    /// <summary>The address of an app started elsewhere (a published build), or null to start one here.</summary>
    public static string? PublishedUrl => Environment.GetEnvironmentVariable("CHANCERY_TEST_PUBLISHED_URL") is { Length: > 0 } url ? url.TrimEnd('/') : null;

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (TestEnvironment.ChromiumPath is null) return; // each test skips or fails in NewPageAsync
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        BaseUrl = PublishedUrl ?? StartApp();
        // The first page pays for start-up (EF model, Razor components, Identity). Asked for here, that
        // cost does not eat into the first test's browser timeouts on a busy CI machine.
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) })
            (await http.GetAsync("/login")).EnsureSuccessStatusCode();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private string StartApp()
    {
        _app = new ChanceryAppFactory(TestProvider.Sqlite);
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/');
    }

    /// <summary>A page in a fresh browser context (no cookies), with relative URLs resolved against the app;
    /// <paramref name="width"/> sets the window's width in CSS pixels (a phone is 390).</summary>
    public async Task<IPage> NewPageAsync(int? width = null)
    {
        if (_browser is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.BrowserSkipReason);
            Assert.Skip(TestEnvironment.BrowserSkipReason);
        }
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN" };
        if (width is { } w) options.ViewportSize = new ViewportSize { Width = w, Height = 844 };
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits for the home page. Reusable by every browser test.</summary>
    public static async Task SignInAsync(IPage page, string email = ChanceryAppFactory.AdminEmail, string password = ChanceryAppFactory.AdminPassword)
    {
        await SubmitLoginAsync(page, email, password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }

    /// <summary>Fills and submits the login form without expecting success (for wrong-password tests).</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
