namespace Chancery.Tests.Infrastructure;

/// <summary>One running app per test class and provider (starting one migrates and seeds a database,
/// so classes share it). Tests reach it through <see cref="App"/>, which skips the test with a clear
/// reason when the provider is not available here.</summary>
public abstract class AppFixture(TestProvider provider) : IAsyncLifetime
{
    private ChanceryAppFactory? _app;

    public TestProvider Provider => provider;

    public ChanceryAppFactory App
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
                _app = new ChanceryAppFactory(provider);
                _ = _app.Server; // start (migrate, seed) now, not inside the first request
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

public sealed class SqliteApp() : AppFixture(TestProvider.Sqlite);

public sealed class PostgresApp() : AppFixture(TestProvider.Postgres);
