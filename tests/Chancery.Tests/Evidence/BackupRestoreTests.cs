using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Agreements;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Audit;
using Npgsql;

namespace Chancery.Tests.Evidence;

/// <summary>The operator's <c>backup</c> and <c>restore</c> commands, run as the operator runs them (the
/// app's executable): a round trip into an empty database finds every row of every table, the records
/// read the same through the API, the document's bytes come back, and the audit chain still holds.</summary>
public abstract class BackupRestoreTests(TestProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_holds_every_row_document_and_the_audit_chain()
    {
        if (provider == TestProvider.Postgres && TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        var work = Path.Combine(Path.GetTempPath(), "chancery-backup-test-" + Guid.NewGuid().ToString("N")[..8]);
        var documents = Path.Combine(work, "documents-before");
        var restoredDocuments = Path.Combine(work, "documents-after");
        var folder = Path.Combine(work, "backup");
        await using var source = new ChanceryAppFactory(provider);
        source.Settings["Documents:Folder"] = documents;
        source.Settings["Audit:SealEverySeconds"] = "0";
        var admin = await source.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input("bk-1", "Hiệp định sao lưu", null, ["USA"], classification: "secret"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var agreement = (await created.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!;
        var pdf = AgreementDocumentTests.Pdf("backup round trip");
        var form = new MultipartFormDataContent { { new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "file", "signed.pdf" }, { new StringContent("signed_text"), "kind" } };
        var uploaded = await admin.PostAsync($"/api/v1/agreements/{agreement.Id}/documents", form, Ct);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Ct));
        var document = (await uploaded.Content.ReadFromJsonAsync<AgreementDocumentDto>(Ct))!;
        var chainBefore = (await (await admin.PostAsync("/api/v1/audit/chain/seal", null, Ct)).Content.ReadFromJsonAsync<AuditChainEndpoints.SealResult>(Ct))!.Chain;
        var before = await CountsAsync(source.ConnectionString);

        var backup = await AppProcess.RunAsync(AppProcess.SettingsFor(provider, source.ConnectionString, documents), Ct, "backup", folder);
        backup.ExitCode.ShouldBe(0, backup.Output);

        var target = provider == TestProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = "chancery_restore_" + Guid.NewGuid().ToString("N")[..10] }.ConnectionString
            : "Data Source=" + Path.Combine(work, "restored.db");
        try
        {
            var restore = await AppProcess.RunAsync(AppProcess.SettingsFor(provider, target, restoredDocuments), Ct, "restore", folder);
            restore.ExitCode.ShouldBe(0, restore.Output);

            var after = await CountsAsync(target);
            after.OrderBy(t => t.Key, StringComparer.Ordinal).ShouldBe(before.OrderBy(t => t.Key, StringComparer.Ordinal));
            after["agreements"].ShouldBeGreaterThan(0);

            await using var restored = new ChanceryAppFactory(provider);
            restored.Settings["ConnectionStrings:Chancery"] = target;
            restored.Settings["Documents:Folder"] = restoredDocuments;
            restored.Settings["Audit:SealEverySeconds"] = "0";
            var reader = await restored.AdminClientAsync();
            var again = (await reader.GetFromJsonAsync<AgreementDetail>($"/api/v1/agreements/{agreement.Id}", Ct))!;
            again.TitleVi.ShouldBe(agreement.TitleVi);
            again.Classification.ShouldBe("secret");
            var file = await reader.GetAsync($"/api/v1/agreements/{agreement.Id}/documents/{document.Id}", Ct);
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await file.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(pdf);
            var chainAfter = (await reader.GetFromJsonAsync<ChainReport>("/api/v1/audit/chain", Ct))!;
            chainAfter.Intact.ShouldBeTrue();
            chainAfter.TipHash.ShouldBe(chainBefore.TipHash);
            chainAfter.Verified.ShouldBe(chainBefore.Verified);
        }
        finally
        {
            if (provider == TestProvider.Postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await EvidenceDatabase.ExecuteAsync(provider, TestEnvironment.PostgresConnectionString!,
                    $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(target).Database}\" WITH (FORCE)");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Rows per table, counted here from the database's own catalogue (not by the app).</summary>
    private async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        var listSql = provider == TestProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        await using (var connection = EvidenceDatabase.Open(provider, connectionString))
        {
            await using var list = connection.CreateCommand();
            list.CommandText = listSql;
            await using var rows = await list.ExecuteReaderAsync(Ct);
            while (await rows.ReadAsync(Ct)) tables.Add(rows.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
            counts[table] = Convert.ToInt64(await EvidenceDatabase.ScalarAsync(provider, connectionString, $"SELECT COUNT(*) FROM \"{table}\""));
        return counts;
    }
}

public sealed class BackupRestoreTestsOnSqlite() : BackupRestoreTests(TestProvider.Sqlite);

public sealed class BackupRestoreTestsOnPostgres() : BackupRestoreTests(TestProvider.Postgres);
