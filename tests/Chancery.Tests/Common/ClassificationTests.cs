using Chancery.Web.Common.Security;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Common;

/// <summary>A reader never sees a record above their clearance, through any API that reads it.
/// Setup (stored by the system user): a Confidential comprehensive-strategic event for Norway (which
/// has no public event), and a Confidential partner "Đảo Bí Mật".</summary>
public abstract class ClassificationTests(AppFixture fixture)
{
    private const string ViewerEmail = "viewer.internal@test.local";
    private const string AsOf = "2025-10-31";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_internal_viewer_does_not_see_a_confidential_event_in_the_partner_levels()
    {
        await StoreConfidentialRecordsAsync();
        var viewer = await fixture.App.UserClientAsync(ViewerEmail, Roles.Viewer, ClassificationLevel.Internal);

        var csp = await viewer.GetFromJsonAsync<ListResult<PartnerListItem>>(
            $"/api/v1/partners?level=comprehensive_strategic&asOf={AsOf}&pageSize=100", Ct);
        var norway = await viewer.GetFromJsonAsync<ListResult<PartnerListItem>>($"/api/v1/partners?q=NOR&asOf={AsOf}", Ct);

        // The 14 public comprehensive strategic partners, without Norway.
        csp!.Total.ShouldBe(14);
        csp.Items.ShouldNotContain(i => i.Code == "NOR");
        norway!.Items.ShouldContain(i => i.Code == "NOR" && i.Level == null);
    }

    [Fact]
    public async Task An_administrator_sees_the_confidential_event()
    {
        await StoreConfidentialRecordsAsync();
        var admin = await fixture.App.AdminClientAsync();

        var csp = await admin.GetFromJsonAsync<ListResult<PartnerListItem>>(
            $"/api/v1/partners?level=comprehensive_strategic&asOf={AsOf}&pageSize=100", Ct);

        csp!.Total.ShouldBe(15);
        csp.Items.ShouldContain(i => i.Code == "NOR" && i.LevelSince == "2020-01-15");
    }

    [Fact]
    public async Task A_confidential_partner_is_neither_listed_nor_found_by_an_internal_viewer()
    {
        await StoreConfidentialRecordsAsync();
        var viewer = await fixture.App.UserClientAsync(ViewerEmail, Roles.Viewer, ClassificationLevel.Internal);

        var list = await viewer.GetFromJsonAsync<ListResult<PartnerListItem>>("/api/v1/partners?q=dao%20bi%20mat", Ct);
        var search = await viewer.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=dao%20bi%20mat", Ct);

        list!.Total.ShouldBe(0);
        search!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_finds_the_confidential_partner()
    {
        await StoreConfidentialRecordsAsync();
        var admin = await fixture.App.AdminClientAsync();

        var list = await admin.GetFromJsonAsync<ListResult<PartnerListItem>>("/api/v1/partners?q=dao%20bi%20mat", Ct);
        var search = await admin.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=dao%20bi%20mat", Ct);

        list!.Items.ShouldHaveSingleItem().Code.ShouldBe("ZZC");
        search!.Items.ShouldContain(h => h.Title.Contains("Đảo Bí Mật") || h.Title.Contains("Secret Isle"));
    }

    /// <summary>Idempotent: the tests of a class share one database.</summary>
    private async Task StoreConfidentialRecordsAsync()
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        if (await db.Partners.AnyAsync(p => p.Code == "ZZC", Ct)) return;
        var norway = await db.Partners.SingleAsync(p => p.Code == "NOR", Ct);
        db.FrameworkEvents.Add(new FrameworkEvent
        {
            PartnerId = norway.Id,
            Level = RelationLevel.ComprehensiveStrategic,
            When = new PartialDate(new DateOnly(2020, 1, 15), DatePrecision.Day),
            Classification = ClassificationLevel.Confidential,
        });
        db.Partners.Add(new Partner
        {
            Code = "ZZC", Kind = PartnerKind.Country, NameVi = "Đảo Bí Mật", NameEn = "Secret Isle",
            Classification = ClassificationLevel.Confidential,
        });
        await db.SaveChangesAsync(Ct);
    }
}

public sealed class ClassificationTestsOnSqlite(SqliteApp fixture) : ClassificationTests(fixture), IClassFixture<SqliteApp>;

public sealed class ClassificationTestsOnPostgres(PostgresApp fixture) : ClassificationTests(fixture), IClassFixture<PostgresApp>;
