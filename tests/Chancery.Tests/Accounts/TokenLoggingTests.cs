using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Chancery.Tests.Accounts;

/// <summary>With every category logging at Trace, a personal access token sent as a bearer token and a
/// calendar token in a feed address appear in no log line.</summary>
public sealed class TokenLoggingTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Created(string Token);
    private sealed record FeedAddress(string Url);

    [Fact]
    public async Task Neither_a_bearer_token_nor_a_feed_address_reaches_the_log_at_the_most_verbose_level()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = fixture.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Trace");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            b.ConfigureLogging(l => l.AddProvider(new Capture(lines)));
        });
        var admin = app.CreateClient();
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword }, Ct);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("accessToken").GetString());
        var pat = (await (await admin.PostAsJsonAsync("/api/v1/tokens", new CreateTokenRequest("logged?", "read", 1), Ct)).Content.ReadFromJsonAsync<Created>(Ct))!.Token;
        var feed = (await (await admin.PostAsync("/api/v1/calendar/token", null, Ct)).Content.ReadFromJsonAsync<FeedAddress>(Ct))!.Url;
        var calendarSecret = new Uri(feed).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        (await integration.GetAsync("/api/v1/activities", Ct)).EnsureSuccessStatusCode();
        (await app.CreateClient().GetAsync(new Uri(feed).PathAndQuery, Ct)).EnsureSuccessStatusCode();

        lines.ShouldNotBeEmpty();
        lines.Where(l => l.Contains(pat[6..], StringComparison.Ordinal) || l.Contains(calendarSecret[6..], StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {state} {exception}");
        }
    }
}
