using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.Partners;

namespace Chancery.Tests.Partners;

/// <summary>Runs against both providers: the concrete classes below pick the database.</summary>
public abstract class PartnerApiTests(AppFixture fixture)
{
    [Fact]
    public async Task Comprehensive_strategic_partners_on_31_October_2025_are_the_fourteen_of_the_shipped_data()
    {
        var client = await fixture.App.AdminClientAsync();

        var result = await client.GetFromJsonAsync<ListResult<PartnerListItem>>(
            "/api/v1/partners?level=comprehensive_strategic&asOf=2025-10-31&pageSize=100", TestContext.Current.CancellationToken);

        // The 14 named in shared/data/README.md as comprehensive strategic partners on 31 October 2025.
        string[] expected = ["CHN", "RUS", "IND", "KOR", "USA", "JPN", "AUS", "FRA", "MYS", "NZL", "IDN", "SGP", "THA", "GBR"];
        result!.Total.ShouldBe(14);
        result.Items.Select(i => i.Code).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task The_United_Kingdom_was_still_a_strategic_partner_the_day_before_its_upgrade()
    {
        var client = await fixture.App.AdminClientAsync();

        var result = await client.GetFromJsonAsync<ListResult<PartnerListItem>>(
            "/api/v1/partners?level=comprehensive_strategic&asOf=2025-10-28&pageSize=100", TestContext.Current.CancellationToken);

        result!.Total.ShouldBe(13);
        result.Items.ShouldNotContain(i => i.Code == "GBR");
    }

    [Fact]
    public async Task Partners_are_found_by_name_typed_without_diacritics()
    {
        var client = await fixture.App.AdminClientAsync();

        var result = await client.GetFromJsonAsync<ListResult<PartnerListItem>>("/api/v1/partners?q=han%20quoc", TestContext.Current.CancellationToken);

        result!.Items.ShouldContain(i => i.Code == "KOR" && i.NameVi == "Hàn Quốc");
    }

    [Fact]
    public async Task The_api_refuses_a_request_without_a_token()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/v1/partners", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}

public sealed class PartnerApiTestsOnSqlite(SqliteApp fixture) : PartnerApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnerApiTestsOnPostgres(PostgresApp fixture) : PartnerApiTests(fixture), IClassFixture<PostgresApp>;
