using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.Tests.Home;

/// <summary>The app with its clock stopped at <see cref="Now"/>: what "this week" and "this month" mean
/// on the home page no longer depends on the day the tests run.</summary>
public sealed class ClockedAppFactory(TestProvider provider) : ChanceryAppFactory(provider)
{
    /// <summary>Wednesday 11 June 2025, 10:00 in Hanoi: the week runs Monday 9 to Sunday 15 June.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 11, 3, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>One clocked app per test class and provider (see <see cref="AppFixture"/>).</summary>
public abstract class ClockedAppFixture(TestProvider provider) : IAsyncLifetime
{
    private ClockedAppFactory? _app;

    public ClockedAppFactory App
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
                _app = new ClockedAppFactory(provider);
                _ = _app.Server;
            }
            return _app;
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class ClockedSqliteApp() : ClockedAppFixture(TestProvider.Sqlite);

public sealed class ClockedPostgresApp() : ClockedAppFixture(TestProvider.Postgres);
