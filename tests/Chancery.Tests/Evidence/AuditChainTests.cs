using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;

namespace Chancery.Tests.Evidence;

/// <summary>The audit trail as evidence: sealed entries are chained by SHA-256, the database refuses to
/// change or remove an entry, and when someone with the owner's rights does it anyway, the API, the
/// administrator's page and the <c>audit verify</c> command all name the first broken link.</summary>
public abstract class AuditChainTests(TestProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChanceryAppFactory NewApp()
    {
        if (provider == TestProvider.Postgres && TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        var app = new ChanceryAppFactory(provider);
        app.Settings["Audit:SealEverySeconds"] = "0"; // sealed by the test's "seal now", at the moment it chooses
        return app;
    }

    private static async Task<AuditChainEndpoints.SealResult> SealAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/v1/audit/chain/seal", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<AuditChainEndpoints.SealResult>(Ct))!;
    }

    private static async Task<ChainReport> VerifyAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<ChainReport>("/api/v1/audit/chain", Ct))!;

    private async Task<long> IdAtAsync(ChanceryAppFactory app, long place) => Convert.ToInt64(
        await EvidenceDatabase.ScalarAsync(provider, app.ConnectionString, $"SELECT \"Id\" FROM audit_entries WHERE \"ChainIndex\" = {place}"));

    private static async Task<string> ChainPageAsync(ChanceryAppFactory app)
    {
        var browser = await PageForms.CookieClientAsync(app, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        return System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/audit/chain", Ct));
    }

    [Fact]
    public async Task An_entry_changed_in_the_database_is_named_by_the_api_the_page_and_the_verify_command()
    {
        await using var app = NewApp();
        var admin = await app.AdminClientAsync();
        var sealedNow = await SealAsync(admin);
        sealedNow.Sealed.ShouldBeGreaterThan(5, "seeding and the sign-in wrote entries");
        sealedNow.Chain.Intact.ShouldBeTrue();
        sealedNow.Chain.Unsealed.ShouldBe(0);
        var intact = await AppProcess.RunAsync(AppProcess.SettingsFor(provider, app.ConnectionString, Path.GetTempPath()), Ct, "audit", "verify");
        intact.ExitCode.ShouldBe(0, intact.Output);
        intact.Output.ShouldContain("intact");

        var altered = await IdAtAsync(app, 5);
        await EvidenceDatabase.ExecuteAsync(provider, app.ConnectionString,
            EvidenceDatabase.DropGuards(provider) + "UPDATE audit_entries SET \"UserName\" = 'someone else' WHERE \"ChainIndex\" = 5");

        var report = await VerifyAsync(admin);
        report.Intact.ShouldBeFalse();
        report.FirstBreak.ShouldBe(new ChainBreak(5, altered, ChainBreakKind.Altered, null));
        report.Verified.ShouldBe(4);
        var page = await ChainPageAsync(app);
        page.ShouldContain("chain-broken");
        page.ShouldContain($"Mục tại vị trí 5 (mục #{altered})");
        var command = await AppProcess.RunAsync(AppProcess.SettingsFor(provider, app.ConnectionString, Path.GetTempPath()), Ct, "audit", "verify");
        command.ExitCode.ShouldBe(2, command.Output);
        command.Output.ShouldContain($"entry #{altered} at place 5");
    }

    [Fact]
    public async Task An_entry_removed_from_the_database_is_named_by_its_place()
    {
        await using var app = NewApp();
        var admin = await app.AdminClientAsync();
        (await SealAsync(admin)).Chain.Intact.ShouldBeTrue();
        var next = await IdAtAsync(app, 8);
        await EvidenceDatabase.ExecuteAsync(provider, app.ConnectionString,
            EvidenceDatabase.DropGuards(provider) + "DELETE FROM audit_entries WHERE \"ChainIndex\" = 7");

        var report = await VerifyAsync(admin);

        report.FirstBreak.ShouldBe(new ChainBreak(7, null, ChainBreakKind.Missing, next));
        (await ChainPageAsync(app)).ShouldContain("Không có mục nào ở vị trí 7");
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry_and_the_sealer_keeps_the_chain_whole()
    {
        await using var app = NewApp();
        var admin = await app.AdminClientAsync();
        await SealAsync(admin);
        // A sign-in after the seal: an entry not sealed yet.
        await app.ClientForAsync(ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword);
        (await VerifyAsync(admin)).Unsealed.ShouldBe(1);
        foreach (var sql in new[]
        {
            "UPDATE audit_entries SET \"Changes\" = '{}' WHERE \"ChainIndex\" = 3",
            "DELETE FROM audit_entries WHERE \"ChainIndex\" = 3",
            // Not sealed yet: still not changeable, only linkable.
            "UPDATE audit_entries SET \"Changes\" = '{}' WHERE \"ChainIndex\" IS NULL",
            "DELETE FROM audit_entries WHERE \"ChainIndex\" IS NULL",
        })
        {
            await Should.ThrowAsync<Exception>(() => EvidenceDatabase.ExecuteAsync(provider, app.ConnectionString, sql), sql);
        }

        var report = (await SealAsync(admin)).Chain;

        report.Intact.ShouldBeTrue();
        report.Unsealed.ShouldBe(0);
        report.Verified.ShouldBe(report.TipPosition);
    }
}

public sealed class AuditChainTestsOnSqlite() : AuditChainTests(TestProvider.Sqlite);

public sealed class AuditChainTestsOnPostgres() : AuditChainTests(TestProvider.Postgres);
