using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Import;

namespace Chancery.Tests.Common;

/// <summary>Files made to hurt the server: each is refused with a clear 422 within seconds, stores
/// nothing, and the process does not balloon while reading it.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class HostileImportTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Url = "/api/v1/partnerships/import";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task A_tiny_workbook_with_one_cell_at_XFD1048576_is_refused_without_building_the_sheet()
    {
        var book = Workbook("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>partner_iso3</t></is></c><c r="B1" t="inlineStr"><is><t>level</t></is></c><c r="C1" t="inlineStr"><is><t>established_date</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>ARG</t></is></c><c r="B2" t="inlineStr"><is><t>comprehensive</t></is></c><c r="C2" t="inlineStr"><is><t>2010-10</t></is></c></row>
            <row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>
            """);
        book.Length.ShouldBeLessThan(4096);

        var (problems, seconds, growth) = await RefusedAsync(book, Xlsx);

        problems.ShouldContain(p => p.Line == 1048576 && p.Code == "TooManyCells");
        seconds.ShouldBeLessThan(10);
        growth.ShouldBeLessThan(200L * 1024 * 1024);
    }

    [Fact]
    public async Task A_small_workbook_that_expands_a_thousandfold_is_refused_before_its_sheet_is_read()
    {
        var huge = new string('A', 60 * 1024 * 1024);
        var book = Workbook($"""<row r="1"><c r="A1" t="inlineStr"><is><t>partner_iso3</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>{huge}</t></is></c></row>""");
        huge = null;
        book.Length.ShouldBeLessThan(1024 * 1024);

        var (problems, seconds, growth) = await RefusedAsync(book, Xlsx);

        problems.Single().Code.ShouldBe("WorkbookTooLarge");
        seconds.ShouldBeLessThan(10);
        growth.ShouldBeLessThan(200L * 1024 * 1024);
    }

    [Fact]
    public async Task A_header_of_a_million_columns_answers_one_problem_not_a_million()
    {
        var header = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => "c" + i));
        var csv = Encoding.UTF8.GetBytes(header + "\nARG\n");

        var response = await PostAsync(await fixture.App.AdminClientAsync(), csv, "text/csv");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.Length.ShouldBeLessThan(10_000);
        body.ShouldContain("TooManyColumns");
    }

    [Fact]
    public async Task A_cell_longer_than_a_spreadsheet_cell_may_be_is_a_problem_of_its_row()
    {
        var csv = Encoding.UTF8.GetBytes("partner_iso3,level,established_date,notes\nARG,comprehensive,2010-10," + new string('n', 40_000) + "\n");

        var (problems, _, _) = await RefusedAsync(csv, "text/csv");

        problems.ShouldContain(p => p.Line == 2 && p.Code == "CellTooLong");
    }

    [Theory]
    [InlineData("random")]
    [InlineData("truncated")]
    public async Task Random_or_truncated_bytes_sent_as_a_workbook_are_not_a_readable_workbook(string kind)
    {
        var bytes = kind == "random" ? RandomBytes(50_000)
            : Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>partner_iso3</t></is></c></row>""")[..200];

        var (problems, seconds, _) = await RefusedAsync(bytes, Xlsx);

        problems.Single().Code.ShouldBe("NotXlsx");
        seconds.ShouldBeLessThan(10);
    }

    [Fact]
    public async Task Text_in_another_encoding_is_refused_with_its_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("partner_iso3,level,established_date\nARG,comprehensive,2010-10\nBRA,strat\u00e9gique,2007-01\n");

        var (problems, _, _) = await RefusedAsync(latin1, "text/csv");

        problems.Single().Code.ShouldBe("NotUtf8");
        problems.Single().Line.ShouldBe(3);
    }

    private async Task<(IReadOnlyList<ImportProblem> Problems, double Seconds, long Growth)> RefusedAsync(byte[] content, string type)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var client = await fixture.App.AdminClientAsync();
        var before = Environment.WorkingSet;
        // The highest working set while the request runs, sampled (the process's own peak is since it started).
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10);
            }
        });
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(client, content, type);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, Environment.WorkingSet);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync(Ct));
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>(Ct);
        outcome!.Created.ShouldBe(0);
        return (outcome.Problems, watch.Elapsed.TotalSeconds, Math.Max(0, peak - before));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", type == Xlsx ? "partnerships.xlsx" : "partnerships.csv");
        return await client.PostAsync(Url + "?dryRun=true", form, Ct);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'P'; bytes[1] = (byte)'K'; // looks like a ZIP at first glance
        return bytes;
    }

    /// <summary>A minimal XLSX package around the given sheet rows, written by hand so a test can put
    /// anything in it.</summary>
    private static byte[] Workbook(string rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
        }
        return buffer.ToArray();
    }
}
