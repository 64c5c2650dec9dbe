using Chancery.Tests.Directives;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Directives.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chancery.Tests.Browser;

/// <summary>The directives app (a clock the test moves: <see cref="DirectivesAppFactory.Clock"/>) on a
/// real port, driven by Debian's Chromium, as <see cref="BrowserApp"/> does for the rest.</summary>
public sealed class DirectivesBrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DirectivesAppFactory App { get; } = new(TestProvider.Sqlite);
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (TestEnvironment.ChromiumPath is null) return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/');
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) })
            (await http.GetAsync("/login")).EnsureSuccessStatusCode();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.BrowserSkipReason);
            Assert.Skip(TestEnvironment.BrowserSkipReason);
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>An officer's day with a directive, in the browser: the directive created with its tasks through
/// the form, progress reported, the clock moved past the deadline (the task turns overdue), the warning
/// job run (the notification appears in the header and the centre), and the scoreboard read.</summary>
public sealed class DirectivesBrowserTests(DirectivesBrowserApp browser) : IClassFixture<DirectivesBrowserApp>
{
    private const string Officer = "econ-browser@test.local";

    [Fact]
    public async Task A_directive_with_tasks_progress_an_overdue_task_its_notification_and_the_scoreboard()
    {
        var app = browser.App;
        var page = await browser.NewPageAsync();
        await app.CreateUserAsync(Officer, Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        await BrowserApp.SignInAsync(page, Officer, ChanceryAppFactory.UserPassword);

        // The clock stands at 10 January 2025; the first task is due in a week.
        await page.GotoAsync("/directives/new");
        await page.FillAsync("input[name='Input.Number']", "05/TB-VPCP");
        await page.FillAsync("input[name='Input.Date']", "2025-01-08");
        await page.FillAsync("input[name='Input.Issuer']", "Prime Minister");
        await page.FillAsync("input[name='Input.Title']", "Conclusions of the browser conference");
        await page.FillAsync("input[name='Input.Rows[0].Title']", "Open two export markets");
        await page.SelectOptionAsync("select[name='Input.Rows[0].LeadUnit']", "MOFA-ECON");
        await page.FillAsync("input[name='Input.Rows[0].Deadline']", "2025-01-17");
        await page.FillAsync("input[name='Input.Rows[1].Title']", "Report to the Government every quarter");
        await page.SelectOptionAsync("select[name='Input.Rows[1].LeadUnit']", "MOFA-ECON");
        await page.FillAsync("input[name='Input.Rows[1].Deadline']", "2025-03-31");
        await page.SelectOptionAsync("select[name='Input.Rows[1].Recurrence']", "quarterly");
        await page.Locator("form.directive-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/directives/\d+$"));
        await Expect(page.Locator("ul.task-tree")).ToContainTextAsync("Open two export markets");
        await Expect(page.Locator("ul.task-tree")).ToContainTextAsync("Report to the Government every quarter");

        // Progress reported on the first task.
        await page.Locator("a.task-node-title", new() { HasText = "Open two export markets" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/tasks/\d+$"));
        var taskUrl = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator(".task-facts .task-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("status-in_progress"));
        await page.FillAsync("input[name='Input.Percent']", "40");
        await page.FillAsync("textarea[name='Input.Text']", "Talks opened with two markets");
        await page.Locator("form.progress-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("saved=progress", StringComparison.Ordinal));
        await Expect(page.Locator("ol.progress-list")).ToContainTextAsync("Talks opened with two markets");
        await Expect(page.Locator(".task-facts")).ToContainTextAsync("40%");

        // A day after the deadline (Vietnam's day): the task is overdue, and the warning job tells the officer.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 18, 3, 0, 0, TimeSpan.Zero));
        await BrowserApp.SignInAsync(page, Officer, ChanceryAppFactory.UserPassword); // a week later: a new session
        await page.GotoAsync(taskUrl);
        await Expect(page.Locator(".task-facts .task-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("status-overdue"));
        await app.Services.GetRequiredService<DeadlineNotifier>().RunAsync(CancellationToken.None);
        await page.GotoAsync("/notifications");
        await Expect(page.Locator(".notification-bell .notice-count")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Open two export markets");

        // The scoreboard of 2025 as of today: the economic department has one overdue task, one in progress.
        await page.GotoAsync("/reports/task-scoreboard?from=2025-01-01&to=2025-12-31");
        var row = page.Locator("table.scoreboard-table tbody tr", new() { HasText = "MOFA-ECON" });
        await Expect(row).ToContainTextAsync("Cục Ngoại giao kinh tế");
        // tasks, on time, late, in progress, overdue, standing
        await Expect(row.Locator("td.num").Nth(0)).ToHaveTextAsync("2");
        await Expect(row.Locator("td.num").Nth(3)).ToHaveTextAsync("1");
        await Expect(row.Locator("td.num").Nth(4)).ToHaveTextAsync("1");
    }
}
