using Microsoft.Extensions.Logging;
using Chancery.Web.Common.Security;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chancery.Tests.Infrastructure;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Runs the whole app in memory on a fresh database of its own: a temporary SQLite file, or
/// a new PostgreSQL database created on the server named by CHANCERY_TEST_POSTGRES and dropped after.</summary>
public class ChanceryAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Password-2026!";
    public const string UserPassword = "User-Password-2026!";

    private readonly string _connectionString;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteFile;
    private readonly bool _ownsDatabase = true;

    public ChanceryAppFactory(TestProvider provider) : this(provider, sharedPostgresDatabase: null)
    {
    }

    /// <summary>With <paramref name="sharedPostgresDatabase"/> (the <see cref="PostgresDatabase"/> of
    /// another factory), a second instance of the app on the same database, as when several servers sit
    /// behind a load balancer. The factory that created the database drops it.</summary>
    public ChanceryAppFactory(TestProvider provider, string? sharedPostgresDatabase)
    {
        Provider = provider;
        if (provider == TestProvider.Postgres)
        {
            var server = TestEnvironment.PostgresConnectionString
                ?? throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            _ownsDatabase = sharedPostgresDatabase is null;
            _postgresDatabase = sharedPostgresDatabase ?? "chancery_test_" + Guid.NewGuid().ToString("N")[..12];
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), "chancery-test-" + Guid.NewGuid().ToString("N")[..12] + ".db");
            _connectionString = "Data Source=" + _sqliteFile;
        }
    }

    public TestProvider Provider { get; }

    /// <summary>The connection string of this instance's own database.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>Settings applied after the factory's own (another database, a documents folder of the test's own).</summary>
    public Dictionary<string, string> Settings { get; } = new();

    /// <summary>The PostgreSQL database this instance runs on (null on SQLite).</summary>
    public string? PostgresDatabase => _postgresDatabase;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the static web assets manifest is not read, so _framework/blazor.web.js and
        // the content types of wwwroot files were missing in browser tests (module scripts need them).
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Provider == TestProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:Chancery", _connectionString);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in with passwords alone; the two-factor tests (TwoFactorSignInTests) set it back to
        // the production default, confidential and above.
        builder.UseSetting("SignIn:TwoFactorFrom", "none");
        // Small import batches, so that files of a few thousand rows are stored in several.
        builder.UseSetting("Import:BatchRows", "1000");
        // Uploaded documents go to a folder of the test's own, not the clone's data/documents.
        builder.UseSetting("Documents:Folder", Path.Combine(Path.GetTempPath(), "chancery-test-documents"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (FileLogProvider.PathFromEnvironment is { } log)
            builder.ConfigureLogging(logging => logging.AddProvider(new FileLogProvider(log)));
    }

    /// <summary>Creates a user with a role, clearance and (optionally) unit code.</summary>
    public async Task CreateUserAsync(string email, string role, ClassificationLevel clearance, string? unitCode = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        db.CurrentUser = SystemUser.Instance;
        var unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleAsync();
        var user = new ChanceryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Clearance = clearance, UnitId = unitId };
        var result = await users.CreateAsync(user, UserPassword);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    /// <summary>An API client carrying a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> ClientForAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => ClientForAsync(AdminEmail, AdminPassword);

    public async Task<HttpClient> UserClientAsync(string email, string role, ClassificationLevel clearance)
    {
        await CreateUserAsync(email, role, clearance);
        return await ClientForAsync(email, UserPassword);
    }

    /// <summary>A scope whose DbContext acts for the system and sees everything (outside a request nobody is
    /// assumed: the context is told whom it works for).</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().CurrentUser = SystemUser.Instance;
        return scope;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && _ownsDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
        }
        GC.SuppressFinalize(this);
    }

    private sealed record TokenResponse(string AccessToken);
}
