using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.Tests.Directives;

/// <summary>The app with a clock the test moves (deadlines pass, tasks are done at a chosen instant),
/// and the deadline-warning job's own timer kept still (tests run it by hand).</summary>
public sealed class DirectivesAppFactory(TestProvider provider, string? sharedPostgresDatabase = null) : ChanceryAppFactory(provider, sharedPostgresDatabase)
{
    /// <summary>10 January 2025, 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 10, 3, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Directives:Notifications:RunEveryMinutes", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public abstract class DirectivesAppFixture(TestProvider provider) : IAsyncLifetime
{
    private DirectivesAppFactory? _app;

    public DirectivesAppFactory App
    {
        get
        {
            if (provider == TestProvider.Postgres && TestEnvironment.PostgresConnectionString is null)
            {
                if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
                Assert.Skip(TestEnvironment.PostgresSkipReason);
            }
            if (_app is null)
            {
                _app = new DirectivesAppFactory(provider);
                _ = _app.Server;
            }
            return _app;
        }
    }

    /// <summary>What a test class sets up once (a scenario), shared by its tests.</summary>
    public SemaphoreSlim Once { get; } = new(1, 1);
    public object? Scenario { get; set; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class DirectivesSqliteApp() : DirectivesAppFixture(TestProvider.Sqlite);

public sealed class DirectivesPostgresApp() : DirectivesAppFixture(TestProvider.Postgres);
