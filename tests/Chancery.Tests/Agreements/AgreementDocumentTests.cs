using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Agreements;

/// <summary>An agreement's files: kept with their size and SHA-256 (worked out here from the bytes sent),
/// checked against their declared type (a renamed executable, a PDF that is not one, a ZIP that is not a
/// Word document are refused), refused beyond the size limit, downloadable only by those who may see the
/// agreement (404 otherwise), every download audited; uploaded through the page's form too.</summary>
public abstract class AgreementDocumentTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Pdf(string text = "signed") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Docx(bool withDocument = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) writer.Write("<Types/>");
            if (withDocument) using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document/>");
        }
        return buffer.ToArray();
    }

    private static async Task<int> AgreementAsync(HttpClient client, string reference, string? classification = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input(reference, "Văn kiện " + reference, null, ["USA"], classification: classification), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] bytes, string name, string contentType, string kind = "signed_text")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        form.Add(new StringContent(kind), "kind");
        return client.PostAsync($"/api/v1/agreements/{id}/documents", form, Ct);
    }

    [Fact]
    public async Task A_pdf_is_kept_with_its_size_and_sha256_and_each_download_is_audited()
    {
        var client = await fixture.App.AdminClientAsync();
        var id = await AgreementAsync(client, "doc-1");
        var bytes = Pdf("doc-1");

        var response = await UploadAsync(client, id, bytes, "Signed text.pdf", "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var document = (await response.Content.ReadFromJsonAsync<AgreementDocumentDto>(Ct))!;
        document.Size.ShouldBe(bytes.Length);
        document.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        document.FileName.ShouldBe("Signed text.pdf");
        var download = await client.GetAsync($"/api/v1/agreements/{id}/documents/{document.Id}", Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var key = document.Id.ToString();
        (await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Downloaded && e.EntityType == nameof(AgreementDocument) && e.EntityKey == key, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_renamed_executable_a_false_pdf_and_a_zip_that_is_no_word_document_are_refused_with_their_reasons()
    {
        var client = await fixture.App.AdminClientAsync();
        var id = await AgreementAsync(client, "doc-2");
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

        var renamed = await UploadAsync(client, id, exe, "treaty.pdf", "application/pdf");
        renamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await renamed.Content.ReadAsStringAsync(Ct)).ShouldContain("executable");
        (await (await UploadAsync(client, id, elf, "annex.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            .Content.ReadAsStringAsync(Ct)).ShouldContain("executable");
        var notPdf = await UploadAsync(client, id, Encoding.ASCII.GetBytes("just text"), "text.pdf", "application/pdf");
        (await notPdf.Content.ReadAsStringAsync(Ct)).ShouldContain("not a PDF");
        var zip = await UploadAsync(client, id, Docx(withDocument: false), "annex.docx", "application/octet-stream");
        zip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(client, id, Docx(), "annex.docx", "application/octet-stream", "annex")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await UploadAsync(client, id, Pdf(), "notes.txt", "text/plain")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var list = await client.GetFromJsonAsync<List<AgreementDocumentDto>>($"/api/v1/agreements/{id}/documents", Ct);
        list!.Select(d => d.Kind).ShouldBe(["annex"]);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_naming_the_limit()
    {
        var client = await fixture.App.AdminClientAsync();
        var id = await AgreementAsync(client, "doc-3");
        var big = new byte[25 * 1024 * 1024 + 1];
        Pdf().CopyTo(big, 0);

        var response = await UploadAsync(client, id, big, "big.pdf", "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("25 MiB");
        (await client.GetFromJsonAsync<List<AgreementDocumentDto>>($"/api/v1/agreements/{id}/documents", Ct))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_asking_for_a_confidential_agreements_file_gets_404()
    {
        var admin = await fixture.App.AdminClientAsync();
        var id = await AgreementAsync(admin, "doc-4", "confidential");
        var document = (await (await UploadAsync(admin, id, Pdf("secret"), "secret.pdf", "application/pdf")).Content.ReadFromJsonAsync<AgreementDocumentDto>(Ct))!;
        var viewer = await fixture.App.UserClientAsync("doc-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        (await viewer.GetAsync($"/api/v1/agreements/{id}/documents/{document.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/v1/agreements/{id}/documents", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/agreements/{id}/documents/{document.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_page_form_uploads_a_document_and_the_page_lists_it()
    {
        var client = await fixture.App.AdminClientAsync();
        var id = await AgreementAsync(client, "doc-5");
        var page = await PageAsync(client, $"/agreements/{id}", Ct);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("annex"), "kind" },
        };
        var file = new ByteArrayContent(Pdf("page"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "Phụ lục 1.pdf");

        var response = await client.PostAsync($"/agreements/{id}/documents", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        Between(after, "id=\"documents\"", "</section>").ShouldContain("Phụ lục 1.pdf");
        after.ShouldContain("Đã tải văn bản lên.");
    }
}

public sealed class AgreementDocumentTestsOnSqlite(SqliteApp fixture) : AgreementDocumentTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementDocumentTestsOnPostgres(PostgresApp fixture) : AgreementDocumentTests(fixture), IClassFixture<PostgresApp>;

/// <summary>The database store (Documents:Store=database) keeps and gives back the same bytes, on the app's own database.</summary>
public sealed class DatabaseDocumentStoreTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Bytes_saved_in_the_database_store_come_back_whole_and_are_gone_once_deleted()
    {
        var store = new Chancery.Web.Common.Documents.DatabaseDocumentStore(fixture.App.Services.GetRequiredService<IServiceScopeFactory>());
        var bytes = AgreementDocumentTests.Pdf("in the database");
        var ct = TestContext.Current.CancellationToken;

        var key = await store.SaveAsync(new MemoryStream(bytes), ct);
        await using (var read = await store.OpenReadAsync(key, ct))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy, ct);
            copy.ToArray().ShouldBe(bytes);
        }
        await store.DeleteAsync(key, ct);
        (await store.OpenReadAsync(key, ct)).ShouldBeNull();
    }
}
