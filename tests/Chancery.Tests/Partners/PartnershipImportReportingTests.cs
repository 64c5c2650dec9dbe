using System.Net;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Import;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Partners;

/// <summary>What the partnership import tells its user: every problem of a row, each previewed row's
/// partner, event and date, the template (which imports as it is) and the allowed codes.</summary>
public abstract class PartnershipImportReportingTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An unknown partner, a level that does not exist and a month that does not exist, on one row.
    private const string ThreeProblems = "partner_iso3,level,established_date\nXYZ,friendly,2023-13\n";

    [Fact]
    public async Task A_row_with_three_different_problems_gets_all_three_through_the_api()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.PostAsync("/api/v1/partnerships/import", new StringContent(ThreeProblems, Encoding.UTF8, "text/csv"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        outcome!.Problems.Select(p => (p.Line, p.Column)).ShouldBe(
            [(2, "partner_iso3"), (2, "level"), (2, "established_date")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_row_with_three_different_problems_gets_all_three_on_the_page()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await UploadAsync(client, ThreeProblems);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        ActivityImportReportingTests.ProblemRows(Between(html, "import-problems", "</table>"))
            .ShouldBe([("2", "partner_iso3"), ("2", "level"), ("2", "established_date")], ignoreOrder: true);
        html.ShouldContain("Không có quốc gia hay tổ chức nào mã 'XYZ'");
    }

    [Fact]
    public async Task The_preview_shows_each_rows_partner_event_and_date()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await UploadAsync(client, "partner_iso3,level,established_date\nARG,strategic,2031-02\n");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        var table = Between(html, "import-preview", "</table>");
        table.ShouldContain("Ác-hen-ti-na: Đối tác chiến lược");
        table.ShouldContain("2031-02");
        html.ShouldContain("Đối tác và sự kiện");
    }

    [Fact]
    public async Task The_csv_template_imports_as_it_is()
    {
        var client = await fixture.App.AdminClientAsync();

        var csv = await client.GetByteArrayAsync("/api/v1/partnerships/import/template?format=csv", Ct);

        var response = await client.PostAsync("/api/v1/partnerships/import", new ByteArrayContent(csv) { Headers = { { "Content-Type", "text/csv" } } }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_codes_list_every_level_and_the_partners_in_the_readers_language()
    {
        var client = await fixture.App.AdminClientAsync();

        var codes = await client.GetFromJsonAsync<List<ImportCodeList>>("/api/v1/partnerships/import/codes?culture=en", Ct);
        var page = await PageAsync(client, "/partnerships/import", Ct);

        codes!.Single(l => l.Column == "level").Codes.Select(c => (c.Code, c.Name)).ShouldBe(
        [
            ("comprehensive", "Comprehensive partnership"), ("strategic", "Strategic partnership"),
            ("comprehensive_strategic", "Comprehensive strategic partnership"), ("special", "Special relationship"),
        ], ignoreOrder: true);
        codes!.Single(l => l.Column == "partner_iso3").Codes.ShouldContain(c => c.Code == "NOR" && c.Name == "Norway");
        page.ShouldContain("href=\"/api/v1/partnerships/import/template?format=xlsx&culture=vi\"");
        Between(page, "allowed-codes", "</details>").ShouldContain("Na Uy");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var token = Token(await PageAsync(client, "/partnerships/import", Ct));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "events.csv" },
        };
        return await client.PostAsync("/partnerships/import", upload, Ct);
    }
}

public sealed class PartnershipImportReportingTestsOnSqlite(SqliteApp fixture) : PartnershipImportReportingTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnershipImportReportingTestsOnPostgres(PostgresApp fixture) : PartnershipImportReportingTests(fixture), IClassFixture<PostgresApp>;
