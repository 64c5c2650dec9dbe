using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Partners;

/// <summary>POST /api/v1/partnerships/import on both providers: every bad file is refused with a 422
/// naming each problem's line (1 = header) and column, and nothing is stored.</summary>
public abstract class PartnershipImportTests(AppFixture fixture)
{
    private const string Url = "/api/v1/partnerships/import";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Upload { Multipart, CsvBody }

    /// <summary>One thing wrong in a file: refused with exactly one problem, on its line and column
    /// (the header is line 1), whichever way the file is sent.</summary>
    [Theory]
    [InlineData(Upload.Multipart, "partner_iso3,level,established_date,colour\nNOR,comprehensive,2023\n", 1, "colour")]
    [InlineData(Upload.CsvBody, "partner_iso3,level,established_date,colour\nNOR,comprehensive,2023\n", 1, "colour")]
    [InlineData(Upload.Multipart, "partner_iso3,level\nNOR,comprehensive\n", 1, "established_date")]
    [InlineData(Upload.CsvBody, "partner_iso3,level\nNOR,comprehensive\n", 1, "established_date")]
    [InlineData(Upload.CsvBody, "partner_iso3,level,established_date\nNOR,comprehensive,2023-13\n", 2, "established_date")]
    [InlineData(Upload.Multipart, "partner_iso3,level,established_date\nNOR,friendly,2023\n", 2, "level")]
    [InlineData(Upload.CsvBody, "partner_iso3,level,established_date\nXYZ,comprehensive,2023\n", 2, "partner_iso3")]
    public async Task One_wrong_cell_or_column_is_named_by_its_line_and_column(Upload upload, string csv, int line, string column)
    {
        var problems = await RefusedAsync(upload, csv);

        problems.ShouldHaveSingleItem();
        (problems[0].Line, problems[0].Column).ShouldBe((line, column));
    }

    [Fact]
    public async Task A_duplicate_row_is_reported_on_its_second_occurrence()
    {
        var problems = await RefusedAsync(Upload.Multipart,
            "partner_iso3,level,established_date\nNOR,comprehensive,2023\nNOR,comprehensive,2023\n");

        problems.ShouldHaveSingleItem();
        problems[0].Line.ShouldBe(3);
        problems[0].Reason.ShouldContain("line 2");
    }

    [Theory]
    [InlineData(Upload.Multipart)]
    [InlineData(Upload.CsvBody)]
    public async Task An_empty_file_is_refused(Upload upload)
    {
        var problems = await RefusedAsync(upload, "");

        problems.ShouldHaveSingleItem();
        problems[0].Line.ShouldBe(1);
    }

    [Fact]
    public async Task A_header_without_rows_is_refused()
    {
        var problems = await RefusedAsync(Upload.CsvBody, "partner_iso3,level,established_date\n");

        problems.ShouldHaveSingleItem();
        problems[0].Line.ShouldBe(2);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_the_line_of_the_bad_bytes()
    {
        // 0xC3 starts a two-byte sequence; 0x28 '(' cannot continue it. The bad bytes are on line 3.
        var bytes = Encoding.ASCII.GetBytes("partner_iso3,level,established_date\nNOR,comprehensive,2023\n")
            .Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(",comprehensive,2023\n")).ToArray();

        var problems = await RefusedAsync(Upload.Multipart, bytes);

        problems.ShouldHaveSingleItem();
        problems[0].Line.ShouldBe(3);
        problems[0].Reason.ShouldContain("UTF-8");
    }

    [Theory]
    [InlineData(Upload.Multipart)]
    [InlineData(Upload.CsvBody)]
    public async Task A_file_over_the_limit_is_refused_with_413_and_nothing_is_stored(Upload upload)
    {
        var client = await fixture.App.AdminClientAsync();
        var before = await FrameworkEventCountAsync();
        // 50 MB of valid-looking rows: above the 32 MiB an import accepts.
        var row = Encoding.ASCII.GetBytes("NOR,comprehensive,2023\n");
        var header = Encoding.ASCII.GetBytes("partner_iso3,level,established_date\n");
        var content = new byte[50 * 1000 * 1000];
        header.CopyTo(content, 0);
        for (var i = header.Length; i + row.Length <= content.Length; i += row.Length) row.CopyTo(content, i);

        var response = await client.PostAsync(Url, Body(upload, content), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        problem!.Status.ShouldBe(413);
        (await FrameworkEventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_with_its_line_and_column()
    {
        const string csv = """
            partner_iso3,level,established_date
            NOR,comprehensive,2023
            XYZ,comprehensive,2023
            CHL,friendly,2023
            ARG,strategic,2023-02-30
            """;

        var problems = await RefusedAsync(Upload.CsvBody, csv);

        problems.Select(p => (p.Line, p.Column)).ShouldBe(
            [(3, "partner_iso3"), (4, "level"), (5, "established_date")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_good_file_imports_and_importing_it_again_changes_nothing()
    {
        var client = await fixture.App.AdminClientAsync();
        var before = await FrameworkEventCountAsync();
        const string csv = "partner_iso3,level,established_date,notes\nNOR,comprehensive,2023-05,Test row\nCHL,comprehensive,2019-11-12,\n";

        var first = await client.PostAsync(Url, Body(Upload.Multipart, Encoding.UTF8.GetBytes(csv)), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcome = await first.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        (outcome!.Created, outcome.Updated, outcome.Unchanged).ShouldBe((2, 0, 0));
        (await FrameworkEventCountAsync()).ShouldBe(before + 2);

        var again = await client.PostAsync(Url, Body(Upload.CsvBody, Encoding.UTF8.GetBytes(csv)), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await again.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        (second!.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 2));
        (await FrameworkEventCountAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_reimported_row_without_the_classification_column_keeps_a_secret_event_secret()
    {
        var client = await fixture.App.AdminClientAsync();
        var first = await client.PostAsync(Url, Body(Upload.CsvBody,
            "partner_iso3,level,established_date,classification\nISL,comprehensive,1999-03-04,secret\n"u8.ToArray()), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Ct));

        var again = await client.PostAsync(Url, Body(Upload.CsvBody,
            "partner_iso3,level,established_date,notes\nISL,comprehensive,1999-03-04,Kept secret\n"u8.ToArray()), Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        var outcome = await again.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        outcome!.Rows.Single().Changes.Select(c => c.Field).ShouldBe(["notes"]);
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var stored = await db.FrameworkEvents.IgnoreQueryFilters().SingleAsync(e => e.Notes == "Kept secret", Ct);
        stored.Classification.ShouldBe(Chancery.Web.Common.Classification.ClassificationLevel.Secret);
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_csv_file()
    {
        var client = await fixture.App.AdminClientAsync();
        var before = await FrameworkEventCountAsync();
        byte[] workbook;
        using (var book = new XLWorkbook())
        {
            var sheet = book.AddWorksheet("partnerships");
            sheet.Cell(1, 1).Value = "partner_iso3";
            sheet.Cell(1, 2).Value = "level";
            sheet.Cell(1, 3).Value = "established_date";
            sheet.Cell(2, 1).Value = "ARG";
            sheet.Cell(2, 2).Value = "comprehensive";
            sheet.Cell(2, 3).SetValue("2010-10");
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            workbook = stream.ToArray();
        }
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "partnerships.xlsx");

        var response = await client.PostAsync(Url, form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        outcome!.Created.ShouldBe(1);
        (await FrameworkEventCountAsync()).ShouldBe(before + 1);
    }

    private Task<IReadOnlyList<ImportProblem>> RefusedAsync(Upload upload, string csv) => RefusedAsync(upload, Encoding.UTF8.GetBytes(csv));

    /// <summary>Posts a file that must be refused: answers its problems after checking the 422 and
    /// that nothing was stored.</summary>
    private async Task<IReadOnlyList<ImportProblem>> RefusedAsync(Upload upload, byte[] content)
    {
        var client = await fixture.App.AdminClientAsync();
        var before = await FrameworkEventCountAsync();

        var response = await client.PostAsync(Url, Body(upload, content), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync(Ct));
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        outcome!.Succeeded.ShouldBeFalse();
        outcome.Created.ShouldBe(0);
        (await FrameworkEventCountAsync()).ShouldBe(before);
        return outcome.Problems;
    }

    private static HttpContent Body(Upload upload, byte[] content)
    {
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (upload == Upload.CsvBody) return bytes;
        var form = new MultipartFormDataContent();
        form.Add(bytes, "file", "partnerships.csv");
        return form;
    }

    private async Task<int> FrameworkEventCountAsync()
    {
        await using var scope = fixture.App.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().FrameworkEvents.CountAsync(Ct);
    }
}

public sealed class PartnershipImportTestsOnSqlite(SqliteApp fixture) : PartnershipImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnershipImportTestsOnPostgres(PostgresApp fixture) : PartnershipImportTests(fixture), IClassFixture<PostgresApp>;
