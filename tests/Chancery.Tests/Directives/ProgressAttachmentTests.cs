using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Chancery.Tests.Agreements;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Chancery.Web.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Directives;

/// <summary>Files attached to progress reports: checked as agreement documents are, downloadable only by
/// those who may see the task (404 otherwise), every download audited, attached by the lead unit only.</summary>
public abstract class ProgressAttachmentTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, int task, int progress, byte[] bytes, string name, string type)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        form.Add(new StringContent(progress.ToString(System.Globalization.CultureInfo.InvariantCulture)), "progressId");
        return client.PostAsync($"/api/v1/tasks/{task}/documents", form, Ct);
    }

    private static async Task<int> ReportAsync(HttpClient client, int task)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { date = "2025-01-09", percent = 30, text = "Minutes attached", version = await VersionAsync(client, task) }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_report_file_is_checked_kept_listed_downloaded_by_readers_of_the_task_and_each_download_audited()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Attachments",
            tasks = new object[]
            {
                new { title = "Report with minutes", leadUnit = "MOFA-ECON", deadline = "2025-12-31" },
                new { title = "Confidential report", leadUnit = "MOFA-ECON", deadline = "2025-12-31", classification = "confidential" },
            },
        });
        var task = ids["Report with minutes"];
        var progress = await ReportAsync(admin, task);
        var bytes = AgreementDocumentTests.Pdf("minutes");

        var refused = await AttachAsync(admin, task, progress, [(byte)'M', (byte)'Z', 0x90, 0], "minutes.pdf", "application/pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("DocumentExecutable");
        var response = await AttachAsync(admin, task, progress, bytes, "Biên bản họp.pdf", "application/pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        document.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var url = document.GetProperty("url").GetString()!;

        var listed = (await TaskAsync(admin, task)).GetProperty("progress")[0].GetProperty("documents");
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("fileName").GetString().ShouldBe("Biên bản họp.pdf");

        await app.CreateUserAsync("attach-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var viewer = await app.ClientForAsync("attach-viewer@test.local", ChanceryAppFactory.UserPassword);
        (await viewer.GetByteArrayAsync(url, Ct)).ShouldBe(bytes);
        (await admin.GetByteArrayAsync(url, Ct)).ShouldBe(bytes);

        // A file of a confidential task: not there for the internal viewer; a file under another task's address: not there.
        var hidden = ids["Confidential report"];
        var hiddenProgress = await ReportAsync(admin, hidden);
        var secret = await (await AttachAsync(admin, hidden, hiddenProgress, AgreementDocumentTests.Pdf("secret"), "secret.pdf", "application/pdf"))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secretUrl = secret.GetProperty("url").GetString()!;
        (await viewer.GetAsync(secretUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync(secretUrl.Replace($"/tasks/{hidden}/", $"/tasks/{task}/"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A report of another task cannot carry this task's file.
        (await AttachAsync(admin, task, hiddenProgress, bytes, "x.pdf", "application/pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var key = document.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Downloaded && e.EntityType == nameof(ProgressDocument) && e.EntityKey == key, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Only_the_lead_units_officers_attach_and_the_page_form_attaches_too()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Attach scoping",
            tasks = new object[] { new { title = "Economic report", leadUnit = "MOFA-ECON", deadline = "2025-12-31" } },
        });
        var task = ids["Economic report"];
        var progress = await ReportAsync(admin, task);
        await app.CreateUserAsync("attach-asia@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ASIA1");
        var asia = await app.ClientForAsync("attach-asia@test.local", ChanceryAppFactory.UserPassword);
        var refused = await AttachAsync(asia, task, progress, AgreementDocumentTests.Pdf(), "a.pdf", "application/pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("TaskNotYourUnit");

        await app.CreateUserAsync("attach-econ@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        var page = await PageForms.CookieClientAsync(app, "attach-econ@test.local", ChanceryAppFactory.UserPassword, Ct);
        var html = await page.GetStringAsync($"/tasks/{task}", Ct);
        html.ShouldContain($"action=\"/tasks/{task}/documents\"");
        var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.Token(html)), "__RequestVerificationToken" },
            { new StringContent(progress.ToString(System.Globalization.CultureInfo.InvariantCulture)), "progressId" },
        };
        var file = new ByteArrayContent(AgreementDocumentTests.Docx());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "minutes.docx");
        var posted = await page.PostAsync($"/tasks/{task}/documents", form, Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldContain("saved=document");
        (await page.GetStringAsync($"/tasks/{task}", Ct)).ShouldContain("minutes.docx");
    }
}

public sealed class ProgressAttachmentTestsOnSqlite(DirectivesSqliteApp fixture) : ProgressAttachmentTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class ProgressAttachmentTestsOnPostgres(DirectivesPostgresApp fixture) : ProgressAttachmentTests(fixture), IClassFixture<DirectivesPostgresApp>;
