using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using A = DocumentFormat.OpenXml.Drawing;

namespace Chancery.Tests.Reports;

/// <summary>The review's DOCX as a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP), opened
/// with the Open XML SDK: heading block, date line in the sector's day, classification stamp, title,
/// charts as pictures, signature block, A4 with the administrative margins.</summary>
public abstract class AnnualReviewDocxLayoutTests(AppFixture fixture)
{
    private const string Period2025 = "from=2025-01-01&to=2025-12-31&tier=1";
    private const string Period2023 = "from=2023-01-01&to=2023-12-31&tier=1";

    /// <summary>31 December 2026 at 17:30 UTC is already 1 January 2027 in Hanoi (UTC+7): a date line
    /// taken from the server's UTC day would read 31 December 2026.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 17, 30, 0, TimeSpan.Zero);

    /// <summary>Records only in 2023, so the stamp depends on them alone: the highest counted is secret.</summary>
    private const string Classified2023 = ActivityDataset.Header + ",leader_office_change\n" +
        "mk-s,official_visit,2023-04-10,2023-04-12,completed,Prime Minister,Phạm Minh Chính,outgoing,FRA,,,Paris,Secret visit to France,,,secret,,,extend\n" +
        "mk-c,official_visit,2023-06-10,2023-06-12,completed,Prime Minister,Phạm Minh Chính,outgoing,DEU,,,Berlin,Confidential visit to Germany,,,confidential,,,extend\n" +
        "mk-i,official_visit,2023-09-10,2023-09-12,completed,Prime Minister,Phạm Minh Chính,outgoing,ITA,,,Rome,Internal visit to Italy,,,internal,,,extend\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminWithDatasetAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        return admin;
    }

    private async Task<HttpClient> AdminWithClassified2023Async()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, Classified2023);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return admin;
    }

    private static async Task<WordprocessingDocument> DocxAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/reports/annual-review.docx?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
    }

    /// <summary>The same app with its clock set to <see cref="Now"/>, and the administrator signed in to it.</summary>
    private async Task<(WebApplicationFactory<Program> App, HttpClient Admin)> AdminAtNowAsync()
    {
        await AdminWithDatasetAsync();
        var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword }, Ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (app, client);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Body BodyOf(WordprocessingDocument doc) => doc.MainDocumentPart!.Document.Body!;

    private static List<string> CellTexts(TableCell cell) => cell.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

    private static string? StampOf(WordprocessingDocument doc) =>
        BodyOf(doc).ChildElements.First() is Paragraph { ParagraphProperties.ParagraphBorders: not null } stamp ? stamp.InnerText : null;

    [Fact]
    public async Task The_vietnamese_docx_has_the_heading_block_the_title_and_the_signature_block_of_an_administrative_report()
    {
        var (app, admin) = await AdminAtNowAsync();
        await using var _ = app;
        using var doc = await DocxAsync(admin, Period2025);

        new OpenXmlValidator().Validate(doc, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty(); // Word opens it
        var body = BodyOf(doc);
        var tables = body.Elements<Table>().ToList();

        // The heading block: the first table, borderless, two columns.
        var heading = tables[0];
        heading.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements
            .ShouldAllBe(b => ((BorderType)b).Val!.Value == BorderValues.None);
        var rows = heading.Elements<TableRow>().ToList();
        var names = rows[0].Elements<TableCell>().ToList();
        // The administrator's unit (the Ministry Secretariat) under the ministry.
        CellTexts(names[0]).ShouldBe(["BỘ NGOẠI GIAO", "VĂN PHÒNG BỘ"]);
        names[0].Descendants<Paragraph>().Single(p => p.InnerText == "VĂN PHÒNG BỘ").Descendants<Bold>().ShouldNotBeEmpty();
        CellTexts(names[1]).ShouldBe(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
        names[1].Descendants<Paragraph>().Where(p => p.InnerText.Length > 0).ShouldAllBe(p => p.Descendants<Bold>().Any());
        // Each name carries a short rule under it: an empty paragraph with a top border, narrower than its column.
        names.ShouldAllBe(c => c.Elements<Paragraph>().Any(p => p.InnerText == "" && p.ParagraphProperties!.ParagraphBorders!.TopBorder != null));
        var lines = rows[1].Elements<TableCell>().ToList();
        lines[0].InnerText.ShouldStartWith("Số:");
        lines[0].InnerText.ShouldEndWith("/BC-BNG");
        // The sector's day (Hanoi), with the decree's zeros before a day under 10 and the month of January.
        lines[1].InnerText.ShouldBe("Hà Nội, ngày 01 tháng 01 năm 2027");
        lines[1].Descendants<Italic>().ShouldNotBeEmpty();

        // Title and subject, centred, after the heading block.
        var paragraphs = body.Elements<Paragraph>().ToList();
        var title = paragraphs.FindIndex(p => p.InnerText == "BÁO CÁO");
        title.ShouldBeGreaterThanOrEqualTo(0);
        paragraphs[title + 1].InnerText.ShouldBe("Tổng kết hoạt động đối ngoại cấp cao");
        paragraphs[title].ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        body.ChildElements.ToList().IndexOf(paragraphs[title]).ShouldBeGreaterThan(body.ChildElements.ToList().IndexOf(heading));

        // The signature block: the last table, recipients on the left, the signer on the right.
        var signature = tables[^1].Elements<TableRow>().Single().Elements<TableCell>().ToList();
        CellTexts(signature[0])[0].ShouldBe("Nơi nhận:");
        CellTexts(signature[0]).Count.ShouldBeGreaterThan(1);
        var signer = CellTexts(signature[1]);
        signer[0].ShouldBe("THỦ TRƯỞNG ĐƠN VỊ");
        signer[1].ShouldBe("(Ký, ghi rõ họ tên)");
        signer.Count.ShouldBe(3); // and the line for the name
        // ... and it ends the report: nothing written after it.
        body.ChildElements.SkipWhile(e => e != tables[^1]).Skip(1).ShouldAllBe(e => e is SectionProperties || e.InnerText == "");
    }

    [Fact]
    public async Task The_english_docx_has_the_same_layout_in_english()
    {
        var (app, admin) = await AdminAtNowAsync();
        await using var _ = app;
        using var doc = await DocxAsync(admin, Period2025 + "&culture=en");

        var body = BodyOf(doc);
        var heading = body.Elements<Table>().First().Elements<TableRow>().ToList();
        CellTexts(heading[0].Elements<TableCell>().First()).ShouldBe(["MINISTRY OF FOREIGN AFFAIRS", "MINISTRY SECRETARIAT"]);
        CellTexts(heading[0].Elements<TableCell>().Last()).ShouldBe(["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"]);
        heading[1].Elements<TableCell>().Last().InnerText.ShouldBe("Hanoi, 1 January 2027");
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[paragraphs.IndexOf("REPORT") + 1].ShouldBe("Annual review of high-level diplomatic activities");
        var signature = body.Elements<Table>().Last().InnerText;
        signature.ShouldContain("Recipients:");
        signature.ShouldContain("HEAD OF UNIT");
        signature.ShouldContain("(Signature and full name)");
        signature.ShouldNotContain("Nơi nhận");
    }

    [Fact]
    public async Task The_docx_is_a4_with_the_administrative_margins_times_new_roman_and_page_numbers()
    {
        using var doc = await DocxAsync(await AdminWithDatasetAsync(), Period2025);

        var section = BodyOf(doc).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        ((int)size.Width!.Value).ShouldBe(11906); // 210 mm in twentieths of a point
        ((int)size.Height!.Value).ShouldBe(16838); // 297 mm
        var margin = section.GetFirstChild<PageMargin>()!;
        static double Mm(double twips) => twips * 25.4 / 1440;
        Mm(margin.Top!.Value).ShouldBeInRange(19.9, 25.1);
        Mm(margin.Bottom!.Value).ShouldBeInRange(19.9, 25.1);
        Mm(margin.Left!.Value).ShouldBeInRange(29.9, 35.1);
        Mm(margin.Right!.Value).ShouldBeInRange(14.9, 20.1);

        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
        int.Parse(defaults.FontSize!.Val!.Value!).ShouldBeInRange(26, 28); // 13–14 pt

        // The page number at the top centre, on every page but the first.
        section.GetFirstChild<TitlePage>().ShouldNotBeNull();
        var numbered = section.Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.Default);
        var header = (HeaderPart)doc.MainDocumentPart.GetPartById(numbered.Id!.Value!);
        header.Header.Descendants<SimpleField>().ShouldContain(f => f.Instruction!.Value!.Trim() == "PAGE");
        var first = section.Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.First);
        ((HeaderPart)doc.MainDocumentPart.GetPartById(first.Id!.Value!)).Header.Descendants<SimpleField>().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_charts_are_embedded_as_png_pictures_drawn_in_the_body()
    {
        using var doc = await DocxAsync(await AdminWithDatasetAsync(), Period2025);

        var main = doc.MainDocumentPart!;
        var images = main.ImageParts.ToList();
        images.Count.ShouldBe(3); // by month, by kind, by leader
        var referenced = main.Document.Body!.Descendants<A.Blip>().Select(b => b.Embed!.Value).ToList();
        foreach (var image in images)
        {
            image.ContentType.ShouldBe("image/png");
            using var stream = image.GetStream();
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            bytes.Length.ShouldBeGreaterThan(5_000);
            bytes.ToArray()[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            using var bitmap = SKBitmap.Decode(bytes.ToArray());
            bitmap.ShouldNotBeNull();
            bitmap.Width.ShouldBeGreaterThan(400);
            referenced.ShouldContain(main.GetIdOfPart(image));
        }
        // Each picture is captioned with the page's chart title.
        var paragraphs = main.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs.ShouldContain("Hoạt động theo tháng");
        paragraphs.ShouldContain("Hoạt động theo lãnh đạo");
    }

    [Fact]
    public async Task A_period_with_nothing_counted_has_no_charts_and_no_stamp()
    {
        using var doc = await DocxAsync(await AdminWithDatasetAsync(), "from=2010-01-01&to=2010-12-31&tier=1");

        doc.MainDocumentPart!.ImageParts.ShouldBeEmpty();
        StampOf(doc).ShouldBeNull();
        BodyOf(doc).ChildElements.First().ShouldBeOfType<Table>(); // the heading block opens the page
    }

    [Fact]
    public async Task The_stamp_is_the_highest_level_counted_among_what_the_reader_may_see()
    {
        var admin = await AdminWithClassified2023Async();
        var secret = await fixture.App.UserClientAsync("stamp-secret@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var confidential = await fixture.App.UserClientAsync("stamp-confidential@test.local", Roles.Viewer, ClassificationLevel.Confidential);
        var internalReader = await fixture.App.UserClientAsync("stamp-internal@test.local", Roles.Viewer, ClassificationLevel.Internal);

        using (var doc = await DocxAsync(secret, Period2023)) StampOf(doc).ShouldBe("TỐI MẬT");
        using (var doc = await DocxAsync(secret, Period2023 + "&culture=en")) StampOf(doc).ShouldBe("SECRET");
        // The administrator is cleared to top secret, but nothing counted is above secret.
        using (var doc = await DocxAsync(admin, Period2023)) StampOf(doc).ShouldBe("TỐI MẬT");
        // The secret visit does not exist for a confidential reader: the confidential one is the highest.
        using (var doc = await DocxAsync(confidential, Period2023))
        {
            StampOf(doc).ShouldBe("MẬT");
            BodyOf(doc).InnerText.ShouldNotContain("Secret visit to France");
        }
        using (var doc = await DocxAsync(internalReader, Period2023))
        {
            StampOf(doc).ShouldBeNull();
            BodyOf(doc).ChildElements.First().ShouldBeOfType<Table>();
            BodyOf(doc).InnerText.ShouldContain("Internal visit to Italy"); // the same data, counted
        }
    }
}

public sealed class AnnualReviewDocxLayoutTestsOnSqlite(SqliteApp fixture) : AnnualReviewDocxLayoutTests(fixture), IClassFixture<SqliteApp>;

public sealed class AnnualReviewDocxLayoutTestsOnPostgres(PostgresApp fixture) : AnnualReviewDocxLayoutTests(fixture), IClassFixture<PostgresApp>;
