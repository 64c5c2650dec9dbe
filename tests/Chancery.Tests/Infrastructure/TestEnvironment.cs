namespace Chancery.Tests.Infrastructure;

/// <summary>What the machine offers the tests. PostgreSQL and browser tests run when these are
/// present and are skipped, saying why, when they are not. CI sets both.</summary>
public static class TestEnvironment
{
    /// <summary>A connection string to a PostgreSQL server where tests may create databases,
    /// e.g. "Host=localhost;Username=postgres;Password=postgres".</summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("CHANCERY_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public const string PostgresSkipReason =
        "PostgreSQL tests skipped: set CHANCERY_TEST_POSTGRES to a server connection string (CI does) to run them.";

    /// <summary>The Chromium executable Playwright drives (Debian's, never a downloaded browser).</summary>
    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CHANCERY_TEST_CHROMIUM");
            if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    public const string BrowserSkipReason =
        "Browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium) or CHANCERY_TEST_CHROMIUM.";

    /// <summary>CI sets CHANCERY_REQUIRE_ALL=1 so a missing server or browser fails instead of skipping.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable("CHANCERY_REQUIRE_ALL") == "1";
}
