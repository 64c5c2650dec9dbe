using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Chancery.Tests.Agreements;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Commitments;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Commitments;

/// <summary>A delivery's evidence file goes through the same checks and store as an agreement's files: kept
/// with its size and SHA-256 (worked out here from the bytes sent), a renamed executable and an oversized
/// file refused, downloadable only by those who may see the commitment (404 otherwise), every download audited.</summary>
public abstract class DeliveryAttachmentTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Commitment, int Delivery)> DeliveredAsync(HttpClient client, string reference, string? classification = null)
    {
        var commitment = await CommitmentApi.CreateAsync(client, CommitmentApi.Input(reference, "JPN", "oda", 1000m, "USD", "2024-03-01", classification));
        var delivered = await CommitmentApi.DeliverAsync(client, commitment.Id, "2024-06-01", 400m);
        return (commitment.Id, delivered.Deliveries.Single().Id);
    }

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, (int Commitment, int Delivery) at, byte[] bytes, string name, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return client.PostAsync($"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", form, Ct);
    }

    [Fact]
    public async Task An_evidence_pdf_is_kept_with_its_size_and_sha256_shown_with_the_delivery_and_each_download_is_audited()
    {
        var client = await fixture.App.AdminClientAsync();
        var at = await DeliveredAsync(client, "att-1");
        var bytes = AgreementDocumentTests.Pdf("disbursement notice");

        var response = await AttachAsync(client, at, bytes, "Disbursement notice.pdf", "application/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var detail = (await client.GetFromJsonAsync<CommitmentDetail>($"/api/v1/commitments/{at.Commitment}", Ct))!;
        var attachment = detail.Deliveries.Single().Attachment.ShouldNotBeNull();
        attachment.FileName.ShouldBe("Disbursement notice.pdf");
        attachment.Size.ShouldBe(bytes.Length);
        attachment.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var download = await client.GetAsync($"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var key = at.Delivery.ToString();
        (await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Downloaded && e.EntityType == nameof(Delivery) && e.EntityKey == key, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_renamed_executable_and_a_file_over_the_limit_are_refused_and_nothing_is_attached()
    {
        var client = await fixture.App.AdminClientAsync();
        var at = await DeliveredAsync(client, "att-2");
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
        var big = new byte[25 * 1024 * 1024 + 1];
        AgreementDocumentTests.Pdf().CopyTo(big, 0);

        var renamed = await AttachAsync(client, at, exe, "receipt.pdf", "application/pdf");
        var oversized = await AttachAsync(client, at, big, "big.pdf", "application/pdf");

        renamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await renamed.Content.ReadAsStringAsync(Ct)).ShouldContain("executable");
        oversized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await oversized.Content.ReadAsStringAsync(Ct)).ShouldContain("25 MiB");
        (await client.GetFromJsonAsync<CommitmentDetail>($"/api/v1/commitments/{at.Commitment}", Ct))!.Deliveries.Single().Attachment.ShouldBeNull();
        (await client.GetAsync($"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_asking_for_the_evidence_of_a_confidential_commitment_gets_404_and_cannot_attach()
    {
        var admin = await fixture.App.AdminClientAsync();
        var at = await DeliveredAsync(admin, "att-3", "confidential");
        (await AttachAsync(admin, at, AgreementDocumentTests.Pdf("secret"), "secret.pdf", "application/pdf")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var viewer = await fixture.App.UserClientAsync("att-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var editor = await fixture.App.UserClientAsync("att-editor@test.local", Roles.Officer, ClassificationLevel.Internal);

        (await viewer.GetAsync($"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AttachAsync(editor, at, AgreementDocumentTests.Pdf("x"), "x.pdf", "application/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_commitment_pages_form_attaches_the_evidence_and_the_page_links_it()
    {
        var client = await fixture.App.AdminClientAsync();
        var at = await DeliveredAsync(client, "att-4");
        var page = await PageAsync(client, $"/commitments/{at.Commitment}", Ct);
        var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(AgreementDocumentTests.Docx());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", "Biên bản bàn giao.docx");

        var response = await client.PostAsync($"/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        after.ShouldContain("Đã đính kèm tệp minh chứng.");
        after.ShouldContain($"href=\"/api/v1/commitments/{at.Commitment}/deliveries/{at.Delivery}/attachment\"");
        after.ShouldContain("Biên bản bàn giao.docx");
    }
}

public sealed class DeliveryAttachmentTestsOnSqlite(SqliteApp fixture) : DeliveryAttachmentTests(fixture), IClassFixture<SqliteApp>;

public sealed class DeliveryAttachmentTestsOnPostgres(PostgresApp fixture) : DeliveryAttachmentTests(fixture), IClassFixture<PostgresApp>;
