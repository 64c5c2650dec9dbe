using Chancery.Web.Common.Security;
using System.Net;
using ClosedXML.Excel;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chancery.Tests.Reports;

/// <summary>The annual review's page, DOCX and XLSX over <see cref="ActivityDataset"/>, on both providers.
/// The figures are the ones worked out by hand in <see cref="AnnualReviewTests"/>: 9 high-level activities,
/// 4 visits abroad to 4 countries (FRA, CHE, KHM, IND), 1 conference, 2 incoming visits, 1 call, 1 online talk,
/// 2 bilateral meetings; a reader cleared to internal loses the confidential visit to India (s1): 8, 3 visits, 3 countries.</summary>
public abstract class AnnualReviewDocumentTests(AppFixture fixture)
{
    private const string Period = "from=2025-01-01&to=2025-12-31&tier=1";
    private const string VisitToIndia = "Visit to India";

    public const string ParagraphVi2025 =
        "Trong kỳ đã diễn ra 9 hoạt động đối ngoại cấp cao, trong đó có 4 chuyến thăm của lãnh đạo Việt Nam tới 4 quốc gia, " +
        "tham dự 1 hội nghị đa phương, 1 cuộc điện đàm và 1 cuộc hội đàm trực tuyến với lãnh đạo các nước, " +
        "đón 2 lãnh đạo nước ngoài thăm Việt Nam; bên cạnh đó, lãnh đạo ta đã có 2 cuộc gặp song phương với lãnh đạo các nước.";

    private const string ParagraphEn2025 =
        "In the period there were 9 high-level diplomatic activities, including 4 visits by Vietnamese leaders to 4 countries, " +
        "participation in 1 multilateral conference, 1 phone call and 1 online talk with foreign leaders, " +
        "and visits to Vietnam by 2 foreign leaders; beside these, leaders held 2 bilateral meetings with world leaders.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminWithDatasetAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        return admin;
    }

    private async Task<HttpClient> InternalViewerAsync(string email)
    {
        await AdminWithDatasetAsync();
        return await fixture.App.UserClientAsync(email, Roles.Viewer, ClassificationLevel.Internal);
    }

    private static async Task<WordprocessingDocument> DocxAsync(HttpClient client, string query = Period)
    {
        var response = await client.GetAsync("/api/v1/reports/annual-review.docx?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return WordprocessingDocument.Open(stream, false);
    }

    private static async Task<XLWorkbook> XlsxAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/reports/annual-review.xlsx?" + Period + "&culture=en", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    /// <summary>Data rows under the header row of a list sheet.</summary>
    private static int Records(XLWorkbook workbook, string sheet) => (workbook.Worksheet(sheet).LastRowUsed()?.RowNumber() ?? 1) - 1;

    private static int Figure(XLWorkbook workbook, string label)
    {
        var row = workbook.Worksheet("Figures").RowsUsed().Single(r => r.Cell(1).GetString() == label);
        return row.Cell(2).GetValue<int>();
    }

    private static List<string> Paragraphs(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

    /// <summary>The figures: the table after the heading block.</summary>
    private static Dictionary<string, string> FiguresTable(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1).Elements<TableRow>().Skip(1)
            .ToDictionary(r => r.Elements<TableCell>().First().InnerText, r => r.Elements<TableCell>().Last().InnerText);

    [Fact]
    public async Task The_docx_has_the_paragraph_in_vietnamese_then_english_and_a_table_of_figures()
    {
        using var doc = await DocxAsync(await AdminWithDatasetAsync());

        new OpenXmlValidator().Validate(doc, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty(); // Word opens it
        var paragraphs = Paragraphs(doc);
        paragraphs[paragraphs.IndexOf("BÁO CÁO") + 1].ShouldBe("Tổng kết hoạt động đối ngoại cấp cao");
        paragraphs.ShouldContain("Kỳ báo cáo: 01/01/2025 – 31/12/2025");
        var vi = paragraphs.IndexOf(ParagraphVi2025);
        var en = paragraphs.IndexOf(ParagraphEn2025);
        vi.ShouldBeGreaterThan(0);
        en.ShouldBeGreaterThan(vi);

        var figures = FiguresTable(doc);
        figures["Hoạt động đối ngoại cấp cao"].ShouldBe("9");
        figures["Chuyến thăm nước ngoài"].ShouldBe("4");
        figures["Quốc gia đã đến thăm"].ShouldBe("4");
        figures["Hội nghị đa phương"].ShouldBe("1");
        figures["Lãnh đạo nước ngoài thăm"].ShouldBe("2");
        figures["Cuộc điện đàm"].ShouldBe("1");
        figures["Hội đàm trực tuyến"].ShouldBe("1");
        figures["Cuộc gặp song phương"].ShouldBe("2");

        // One table per list after the heading block and the figures: 8 lists, then the signature block;
        // the countries by name, the visits by title.
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        tables.Count.ShouldBe(11);
        tables[4].Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Last().InnerText)
            .ShouldBe(["Ấn Độ", "Campuchia", "Pháp", "Thụy Sĩ"], ignoreOrder: true);
        tables[3].InnerText.ShouldContain(VisitToIndia);
    }

    [Fact]
    public async Task The_docx_reads_english_first_for_an_english_reader()
    {
        using var doc = await DocxAsync(await AdminWithDatasetAsync(), Period + "&culture=en");

        var paragraphs = Paragraphs(doc);
        paragraphs[paragraphs.IndexOf("REPORT") + 1].ShouldBe("Annual review of high-level diplomatic activities");
        paragraphs.IndexOf(ParagraphEn2025).ShouldBeLessThan(paragraphs.IndexOf(ParagraphVi2025));
        FiguresTable(doc)["High-level activities"].ShouldBe("9");
    }

    [Fact]
    public async Task The_xlsx_has_a_figures_sheet_and_one_sheet_per_list_with_the_counted_records()
    {
        using var workbook = await XlsxAsync(await AdminWithDatasetAsync());

        workbook.Worksheets.Select(s => s.Name).ShouldBe(
        [
            "Figures", "High-level activities", "Visits abroad by our leaders", "Countries visited", "Multilateral conferences",
            "Foreign leaders visiting", "Phone calls", "Online talks", "Bilateral meetings",
        ]);
        Figure(workbook, "High-level activities").ShouldBe(9);
        Figure(workbook, "Countries visited").ShouldBe(4);
        Figure(workbook, "Bilateral meetings").ShouldBe(2);
        Records(workbook, "High-level activities").ShouldBe(9);
        Records(workbook, "Visits abroad by our leaders").ShouldBe(4);
        Records(workbook, "Countries visited").ShouldBe(4);
        Records(workbook, "Multilateral conferences").ShouldBe(1);
        Records(workbook, "Foreign leaders visiting").ShouldBe(2);
        Records(workbook, "Phone calls").ShouldBe(1);
        Records(workbook, "Online talks").ShouldBe(1);
        Records(workbook, "Bilateral meetings").ShouldBe(2);
        workbook.Worksheet("Countries visited").Column(2).CellsUsed().Select(c => c.GetString()).Skip(1)
            .ShouldBe(["France", "India", "Cambodia", "Switzerland"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_reader_cleared_to_internal_gets_documents_without_the_confidential_visit()
    {
        var viewer = await InternalViewerAsync("docs-viewer@test.local");

        using var doc = await DocxAsync(viewer);
        var body = doc.MainDocumentPart!.Document.Body!;
        body.InnerText.ShouldNotContain(VisitToIndia);
        body.InnerText.ShouldNotContain("Ấn Độ");
        Paragraphs(doc).ShouldContain(p => p.StartsWith("Trong kỳ đã diễn ra 8 hoạt động đối ngoại cấp cao, trong đó có 3 chuyến thăm của lãnh đạo Việt Nam tới 3 quốc gia", StringComparison.Ordinal));
        FiguresTable(doc)["Chuyến thăm nước ngoài"].ShouldBe("3");

        using var workbook = await XlsxAsync(viewer);
        Figure(workbook, "High-level activities").ShouldBe(8);
        Records(workbook, "Visits abroad by our leaders").ShouldBe(3);
        Records(workbook, "Countries visited").ShouldBe(3);
        workbook.Worksheets.SelectMany(s => s.CellsUsed()).ShouldNotContain(c => c.GetString().Contains(VisitToIndia) || c.GetString() == "India");
    }

    [Fact]
    public async Task The_page_shows_both_paragraphs_the_figures_and_the_lists_behind_them()
    {
        var html = WebUtility.HtmlDecode(await (await AdminWithDatasetAsync()).GetStringAsync("/reports/annual-review?" + Period, Ct));

        html.ShouldContain(ParagraphVi2025);
        html.ShouldContain(ParagraphEn2025);
        html.IndexOf("lang=\"vi\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<blockquote class=\"review-paragraph\" lang=\"en\"", StringComparison.Ordinal));
        Figure(html, "high_level_activities").ShouldBe("9");
        Figure(html, "outgoing_visits").ShouldBe("4");
        Figure(html, "countries_visited").ShouldBe("4");
        Figure(html, "bilateral_meetings").ShouldBe("2");
        html.ShouldContain("<a href=\"/partners/CHE\">Thụy Sĩ</a>");
        html.ShouldContain("href=\"/api/v1/reports/annual-review.docx?" + Period + "&culture=vi\"");
        // The map's data: France (ISO numeric 250) visited, Australia (036) came.
        html.ShouldContain("\"id\":\"250\"");
        html.ShouldContain("\"id\":\"036\"");
    }

    [Fact]
    public async Task The_page_for_an_internal_reader_counts_only_what_they_may_see()
    {
        var viewer = await InternalViewerAsync("page-viewer@test.local");

        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync("/reports/annual-review?" + Period, Ct));

        Figure(html, "high_level_activities").ShouldBe("8");
        Figure(html, "countries_visited").ShouldBe("3");
        html.ShouldNotContain(VisitToIndia);
        html.ShouldNotContain("\"id\":\"356\""); // India on the map
    }

    [Fact]
    public async Task The_page_refuses_a_period_that_ends_before_it_starts()
    {
        var admin = await fixture.App.AdminClientAsync();

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/reports/annual-review?from=2025-12-31&to=2025-01-01", Ct));

        html.ShouldContain("Ngày kết thúc trước ngày bắt đầu.");
        html.ShouldNotContain("figure-number");
    }

    private static string Figure(string html, string key)
    {
        var card = html[html.IndexOf($"id=\"figure-{key}\"", StringComparison.Ordinal)..];
        const string marker = "<span class=\"figure-number\">";
        var start = card.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return card[start..card.IndexOf('<', start)];
    }
}

public sealed class AnnualReviewDocumentTestsOnSqlite(SqliteApp fixture) : AnnualReviewDocumentTests(fixture), IClassFixture<SqliteApp>;

public sealed class AnnualReviewDocumentTestsOnPostgres(PostgresApp fixture) : AnnualReviewDocumentTests(fixture), IClassFixture<PostgresApp>;
