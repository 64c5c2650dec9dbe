using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Common;

/// <summary>Two editors open the same partner; the second save, made from the version they started
/// from, must fail instead of silently overwriting the first.</summary>
public abstract class ConcurrencyTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_from_an_outdated_version_throws_a_concurrency_exception()
    {
        await using var first = fixture.App.SystemScope();
        await using var second = fixture.App.SystemScope();
        var db1 = first.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var mine = await db1.Partners.SingleAsync(p => p.Code == "FRA", Ct);
        var theirs = await db2.Partners.SingleAsync(p => p.Code == "FRA", Ct);
        var startedFrom = theirs.Version;

        mine.Notes = "Edited first";
        await db1.SaveChangesAsync(Ct);
        mine.Version.ShouldBe(startedFrom + 1);

        theirs.Notes = "Edited second";
        db2.ExpectVersion(theirs, startedFrom);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Saving_from_the_current_version_succeeds()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var partner = await db.Partners.SingleAsync(p => p.Code == "DEU", Ct);
        var version = partner.Version;

        partner.Notes = "Edited";
        db.ExpectVersion(partner, version);
        await db.SaveChangesAsync(Ct);

        partner.Version.ShouldBe(version + 1);
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteApp fixture) : ConcurrencyTests(fixture), IClassFixture<SqliteApp>;

public sealed class ConcurrencyTestsOnPostgres(PostgresApp fixture) : ConcurrencyTests(fixture), IClassFixture<PostgresApp>;
