using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chancery.Tests.Evidence;

/// <summary>The app as a child process, killed with SIGKILL while a large import is being written: after
/// a restart none of the file's rows exist and the audit chain holds.</summary>
public abstract class KilledImportTests(TestProvider provider, int port)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_killed_mid_way_leaves_none_of_its_rows_and_the_audit_chain_intact()
    {
        if (provider == TestProvider.Postgres && TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        // A factory only for its database (created, migrated and seeded, dropped after); the app that is killed is a process.
        await using var factory = new ChanceryAppFactory(provider);
        factory.Settings["Audit:SealEverySeconds"] = "0";
        _ = factory.Server;
        var settings = AppProcess.SettingsFor(provider, factory.ConnectionString, Path.GetTempPath());
        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["Import:BatchRows"] = "500";
        settings["Audit:SealEverySeconds"] = "0";
        const string marker = "Killzone";
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var n = 1; n <= 40000; n++)
            csv.Append($"kill-{n},phone_call,2024-03-{1 + n % 28:00},,,Prime Minister,Người Thử {marker},,JPN;KOR,,,,{marker} call {n},,,,,\n");

        using (var app = await StartAsync(settings))
        {
            var client = await SignedInAsync();
            var import = client.PostAsync("/api/v1/activities/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);
            await WriteUnderWayAsync(factory.ConnectionString);
            import.IsCompleted.ShouldBeFalse("the import finished before the kill: make the file larger");
            app.Kill(); // SIGKILL: no shutdown, no rollback by the app
            await app.WaitForExitAsync(Ct);
            await Should.ThrowAsync<Exception>(() => import);
        }

        using (var again = await StartAsync(settings))
        {
            try
            {
                var client = await SignedInAsync();
                var found = await client.GetFromJsonAsync<Dictionary<string, object>>($"/api/v1/activities?q={marker}&pageSize=1", Ct);
                found!["total"].ToString().ShouldBe("0");
                var sealedNow = await (await client.PostAsync("/api/v1/audit/chain/seal", null, Ct)).Content.ReadFromJsonAsync<AuditChainEndpoints.SealResult>(Ct);
                sealedNow!.Chain.Intact.ShouldBeTrue();
                sealedNow.Chain.Unsealed.ShouldBe(0);
            }
            finally { again.Kill(); }
        }
    }

    private async Task<Process> StartAsync(Dictionary<string, string> settings)
    {
        var process = Process.Start(AppProcess.StartInfo(settings))!;
        _ = process.StandardOutput.ReadToEndAsync(Ct);
        _ = process.StandardError.ReadToEndAsync(Ct);
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try { if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready", Ct)).IsSuccessStatusCode) return process; }
            catch (HttpRequestException) { }
            await Task.Delay(500, Ct);
        }
        process.Kill();
        throw new InvalidOperationException("the app did not start");
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword }, Ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct))!["accessToken"].ToString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Until the import's transaction has written rows: on PostgreSQL a backend of the database
    /// holding a transaction id (given at its first write); on SQLite the rollback journal or WAL of an open write.</summary>
    private async Task WriteUnderWayAsync(string connectionString)
    {
        for (var i = 0; i < 600; i++)
        {
            if (provider == TestProvider.Postgres)
            {
                var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
                var writing = Convert.ToInt64(await EvidenceDatabase.ScalarAsync(provider, TestEnvironment.PostgresConnectionString!,
                    $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND backend_xid IS NOT NULL"));
                if (writing > 0) break;
            }
            else
            {
                var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
                if (File.Exists(file + "-journal") || (File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0)) break;
            }
            await Task.Delay(100, Ct);
        }
        // A few batches in.
        await Task.Delay(1500, Ct);
    }
}

public sealed class KilledImportTestsOnSqlite() : KilledImportTests(TestProvider.Sqlite, 5151);

public sealed class KilledImportTestsOnPostgres() : KilledImportTests(TestProvider.Postgres, 5152);
