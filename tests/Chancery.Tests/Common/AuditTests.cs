using Chancery.Web.Common.Security;
using System.Net;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
        var client = await fixture.App.UserClientAsync(editor, Roles.Officer, ClassificationLevel.Internal);
        var csv = new StringContent("partner_iso3,level,established_date\nPER,comprehensive,2017-11\nMEX,strategic,2021\n",
            Encoding.UTF8, "text/csv");

        var response = await client.PostAsync("/api/v1/partnerships/import", csv, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        // Besides the editor's sign-in, which is audited too.
        var entries = await db.AuditEntries.Where(a => a.UserName == editor && a.Action != AuditAction.SignedIn).ToListAsync(Ct);
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(a => a.Action == AuditAction.Created && a.EntityType == "FrameworkEvent");
        entries.ShouldAllBe(a => a.UserId != null);
    }

    [Fact]
    public async Task A_context_handed_out_again_after_a_refused_stale_edit_stores_the_next_change_and_its_entry()
    {
        if (fixture.App.Provider == TestProvider.Postgres) await StaleEditThenSaveOnOnePooledContextAsync<PostgresChanceryDbContext>();
        else await StaleEditThenSaveOnOnePooledContextAsync<SqliteChanceryDbContext>();
    }

    /// <summary>A pool of one, so the second context is certainly the first one again: the app's pool
    /// would hand it to whichever request comes next. The second save runs in an outer transaction,
    /// as an import does.</summary>
    private async Task StaleEditThenSaveOnOnePooledContextAsync<TContext>() where TContext : ChanceryDbContext
    {
        var pool = new PooledDbContextFactory<TContext>(fixture.App.Services.GetRequiredService<DbContextOptions<TContext>>(), poolSize: 1);
        var code = "POOL-" + Guid.NewGuid().ToString("N")[..8];
        int id;
        await using (var setup = pool.CreateDbContext())
        {
            setup.CurrentUser = SystemUser.Instance;
            var unit = new Unit { Code = code, NameVi = "Đơn vị thử", NameEn = "Pool test unit", Kind = UnitKind.Department };
            setup.Units.Add(unit);
            await setup.SaveChangesAsync(Ct);
            id = unit.Id;
        }

        TContext first;
        await using (first = pool.CreateDbContext())
        {
            first.CurrentUser = SystemUser.Instance;
            var unit = await first.Units.SingleAsync(u => u.Id == id, Ct);
            unit.NameEn = "Stale edit";
            first.ExpectVersion(unit, unit.Version + 5);
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(Ct));
        }

        await using (var second = pool.CreateDbContext())
        {
            ReferenceEquals(second, first).ShouldBeTrue("the pool of one hands out the same context");
            second.CurrentUser = SystemUser.Instance;
            await using var transaction = await second.Database.BeginTransactionAsync(Ct);
            var unit = await second.Units.SingleAsync(u => u.Id == id, Ct);
            unit.NameEn = "Edit after the conflict";
            await second.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        (await db.Units.SingleAsync(u => u.Id == id, Ct)).NameEn.ShouldBe("Edit after the conflict");
        var entries = await db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityKey == id.ToString()).ToListAsync(Ct);
        entries.Select(a => a.Action).ShouldBe([AuditAction.Created, AuditAction.Updated], ignoreOrder: true);
        entries.Single(a => a.Action == AuditAction.Updated).Changes.ShouldContain("Edit after the conflict");
        entries.ShouldNotContain(a => a.Changes.Contains("Stale edit"));
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp fixture) : AuditTests(fixture), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp fixture) : AuditTests(fixture), IClassFixture<PostgresApp>;
