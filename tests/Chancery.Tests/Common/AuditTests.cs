using System.Net;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Common;

public abstract class AuditTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_leaves_a_created_entry_per_event_with_the_importers_name()
    {
        const string editor = "editor.audit@test.local";
        var client = await fixture.App.UserClientAsync(editor, Roles.Editor, ClassificationLevel.Internal);
        var csv = new StringContent("partner_iso3,level,established_date\nPER,comprehensive,2017-11\nMEX,strategic,2021\n",
            Encoding.UTF8, "text/csv");

        var response = await client.PostAsync("/api/v1/partnerships/import", csv, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var entries = await db.AuditEntries.Where(a => a.UserName == editor).ToListAsync(Ct);
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(a => a.Action == AuditAction.Created && a.EntityType == "FrameworkEvent");
        entries.ShouldAllBe(a => a.UserId != null);
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp fixture) : AuditTests(fixture), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp fixture) : AuditTests(fixture), IClassFixture<PostgresApp>;
