using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Import;
using ClosedXML.Excel;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Activities;

/// <summary>What the activity import tells its user: every problem of every row (capped per file), each
/// previewed row's date and title, the template (which imports as it is) and the allowed codes.</summary>
public abstract partial class ActivityImportReportingTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One row wrong three ways: a kind that does not exist, a country nobody knows, an office we do not have.
    private const string ThreeProblems = ActivityDataset.Header + "\n" +
        "rep-3,state_trip,2025-04-01,,,Court Jester,,,XXA,,,,Three problems,,,,,\n";

    private static readonly string[] AllKinds =
    [
        "state_visit", "official_visit", "working_visit", "private_visit", "incoming_visit",
        "multilateral_conference", "bilateral_meeting", "phone_call", "online_talk", "reception",
    ];

    [Fact]
    public async Task A_row_with_three_different_problems_gets_all_three_through_the_api()
    {
        var client = await fixture.App.AdminClientAsync();

        var (response, outcome) = await ActivityDataset.ImportAsync(client, ThreeProblems);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome!.Problems.Where(p => p.Line == 2).Select(p => p.Column)
            .ShouldBe(["kind", "countries_iso3", "leader_role"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_row_with_three_different_problems_gets_all_three_on_the_page()
    {
        var client = await fixture.App.AdminClientAsync();

        var html = await UploadAsync(client, ThreeProblems, "activities.csv");

        var table = Between(html, "import-problems", "</table>");
        ProblemRows(table).Where(r => r.Line == "2").Select(r => r.Column).ShouldBe(["kind", "countries_iso3", "leader_role"], ignoreOrder: true);
        table.ShouldContain("'state_trip'");
        table.ShouldContain("'XXA'");
        table.ShouldContain("'Court Jester'");
    }

    [Fact]
    public async Task A_file_wrong_on_every_line_lists_a_thousand_problems_and_says_how_many_more()
    {
        var client = await fixture.App.AdminClientAsync();
        // 1,500 rows, each with two wrong cells: 3,000 problems.
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var i = 0; i < 1500; i++) csv.Append($"cap-{i},no_such_kind,not-a-date,,,Thủ tướng,,,,,,,,,,,,\n");

        var (response, outcome) = await ActivityDataset.ImportAsync(client, csv.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome!.Problems.Count.ShouldBe(1000);
        outcome.ProblemsNotListed.ShouldBe(2000);
        outcome.Note!.ShouldContain("2000");
        outcome.Problems.Max(p => p.Line).ShouldBe(501); // the first 500 rows (lines 2-501), by line
    }

    [Fact]
    public async Task The_preview_shows_each_rows_dates_and_title()
    {
        var client = await fixture.App.AdminClientAsync();
        var csv = ActivityDataset.Header + "\n" +
            "prev-1,official_visit,2025-09-09,2025-09-11,,Prime Minister,,outgoing,FRA,,,,Visit previewed by its title,,,,,\n" +
            "prev-2,phone_call,2025-09-20,,,Prime Minister,,,JPN,,,,,,,,,\n";

        var html = await UploadAsync(client, csv, "activities.csv", expectPreview: true);

        var table = Between(html, "import-preview", "</table>");
        table.ShouldContain("2025-09-09 – 2025-09-11");
        table.ShouldContain("Visit previewed by its title");
        table.ShouldContain("2025-09-20");
        table.ShouldContain("Điện đàm"); // a row without a title is named by its kind, in the page's language
        html.ShouldContain("Tiêu đề");
    }

    [Fact]
    public async Task The_csv_template_imports_as_it_is()
    {
        var client = await fixture.App.AdminClientAsync();

        var template = await client.GetAsync("/api/v1/activities/import/template?format=csv", Ct);

        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2); // the header and the example
        var (response, outcome) = await ActivityDataset.ImportAsync(client, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("; ", outcome?.Problems.Select(p => $"{p.Column}: {p.Reason}") ?? []));
        (outcome!.Created + outcome.Updated + outcome.Unchanged).ShouldBe(1);
    }

    [Fact]
    public async Task The_xlsx_template_imports_as_it_is_and_lists_the_codes_on_its_second_sheet()
    {
        var client = await fixture.App.AdminClientAsync();

        var bytes = await client.GetByteArrayAsync("/api/v1/activities/import/template?format=xlsx&culture=en", Ct);

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            workbook.Worksheets.Count.ShouldBe(2);
            var codes = workbook.Worksheet(2);
            var kinds = codes.RowsUsed().Skip(1).Where(r => r.Cell(1).GetString() == "kind").Select(r => r.Cell(2).GetString()).ToList();
            kinds.ShouldBe(AllKinds, ignoreOrder: true);
            codes.RowsUsed().Any(r => r.Cell(2).GetString() == "state_visit" && r.Cell(3).GetString() == "State visit").ShouldBeTrue();
        }
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", "activities-template.xlsx" },
        };
        var imported = await client.PostAsync("/api/v1/activities/import", upload, Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_codes_list_every_kind_named_in_the_readers_language()
    {
        var client = await fixture.App.AdminClientAsync();

        var codes = await client.GetFromJsonAsync<List<ImportCodeList>>("/api/v1/activities/import/codes?culture=vi", Ct);

        var kinds = codes!.Single(l => l.Column == "kind").Codes;
        kinds.Select(c => c.Code).ShouldBe(AllKinds, ignoreOrder: true);
        kinds.Single(c => c.Code == "phone_call").Name.ShouldBe("Điện đàm");
        codes!.Single(l => l.Column == "countries_iso3").Codes.ShouldContain(c => c.Code == "FRA" && c.Name == "Pháp");
        codes!.Single(l => l.Column == "classification").Codes.Select(c => c.Code)
            .ShouldBe(["public", "internal", "confidential", "secret", "top_secret"], ignoreOrder: true);
        var csv = await client.GetStringAsync("/api/v1/activities/import/codes?format=csv&culture=en", Ct);
        csv.ShouldContain("kind,phone_call,Phone call");
    }

    [Fact]
    public async Task The_page_offers_the_template_and_finds_codes_by_name_without_diacritics()
    {
        var client = await fixture.App.AdminClientAsync();

        var page = await PageAsync(client, "/activities/import", Ct);
        var found = await PageAsync(client, "/activities/import?codes=dien%20dam", Ct);

        page.ShouldContain("href=\"/api/v1/activities/import/template?format=csv&culture=vi\"");
        page.ShouldContain("href=\"/api/v1/activities/import/template?format=xlsx&culture=vi\"");
        page.ShouldContain("href=\"/api/v1/activities/import/codes?format=csv&culture=vi\"");
        foreach (var kind in AllKinds) page.ShouldContain($"<code>{kind}</code>");
        found.ShouldContain("<details class=\"allowed-codes\" open");
        var codes = Between(found, "allowed-codes", "</details>");
        codes.ShouldContain("Điện đàm");
        codes.ShouldNotContain("Thăm cấp Nhà nước");
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv, string fileName, bool expectPreview = false)
    {
        var token = Token(await PageAsync(client, "/activities/import", Ct));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName },
        };
        var response = await client.PostAsync("/activities/import", upload, Ct);
        if (!expectPreview)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await PageAsync(client, response.Headers.Location!.ToString(), Ct);
    }

    /// <summary>The (line, column) of each row of the problems table.</summary>
    public static List<(string Line, string Column)> ProblemRows(string table) =>
        [.. ProblemRow().Matches(table).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    [GeneratedRegex("<tr><td>(\\d+)</td><td>([^<]*)</td><td>")]
    private static partial Regex ProblemRow();
}

public sealed class ActivityImportReportingTestsOnSqlite(SqliteApp fixture) : ActivityImportReportingTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityImportReportingTestsOnPostgres(PostgresApp fixture) : ActivityImportReportingTests(fixture), IClassFixture<PostgresApp>;
