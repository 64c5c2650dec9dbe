using Chancery.Web.Common.Security;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Partners.Editing;

namespace Chancery.Tests.Partners;

/// <summary>Creating and editing partners and framework events through the API, on both providers.
/// Each test uses its own user-assigned code (X..) so tests sharing one app do not collide.</summary>
public abstract class PartnerEditingTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewPartner(string code) => new
    {
        code, kind = "country", nameVi = "Nước thử " + code, nameEn = "Testland " + code, region = "asia",
    };

    [Fact]
    public async Task A_new_partner_with_an_event_shows_the_event_and_its_level_on_the_detail()
    {
        var client = await fixture.App.AdminClientAsync();

        (await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAA"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await client.PostAsJsonAsync("/api/v1/partners/XAA/events",
            new { level = "strategic", establishedDate = "2013-06", officialName = "strategic partnership" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/partners/XAA/events",
            new { level = "comprehensive", establishedDate = "2009" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var detail = await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAA", Ct);
        detail!.NameVi.ShouldBe("Nước thử XAA");
        detail.CurrentLevel.ShouldBe("strategic");
        // Oldest first, each with the precision it was given.
        detail.Events.Select(e => (e.Level, e.EstablishedDate, e.Precision))
            .ShouldBe([("comprehensive", "2009", "year"), ("strategic", "2013-06", "month")]);
    }

    [Fact]
    public async Task Saving_with_a_stale_version_is_refused_with_409_and_the_current_values()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAB"), Ct)).EnsureSuccessStatusCode();
        var read = (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAB", Ct))!;

        var first = PartnerInput.From(read);
        first.NameEn = "First editor's name";
        (await client.PutAsJsonAsync("/api/v1/partners/XAB", first, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = PartnerInput.From(read); // still carries the version read before the first save
        second.NameEn = "Second editor's name";
        var response = await client.PutAsJsonAsync("/api/v1/partners/XAB", second, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("current").GetProperty("nameEn").GetString().ShouldBe("First editor's name");
        problem.RootElement.GetProperty("currentVersion").GetInt32().ShouldBe(read.Version + 1);
        (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAB", Ct))!.NameEn.ShouldBe("First editor's name");
    }

    [Fact]
    public async Task An_event_saved_with_a_stale_version_is_refused_with_409()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAC"), Ct)).EnsureSuccessStatusCode();
        var created = await (await client.PostAsJsonAsync("/api/v1/partners/XAC/events",
            new { level = "comprehensive", establishedDate = "2015-03-02" }, Ct)).Content.ReadFromJsonAsync<FrameworkEventDetail>(Ct);

        var edit = FrameworkEventInput.From(created!);
        edit.Notes = "first";
        (await client.PutAsJsonAsync($"/api/v1/partners/XAC/events/{created!.Id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        edit.Notes = "second, from a stale form";
        var response = await client.PutAsJsonAsync($"/api/v1/partners/XAC/events/{created.Id}", edit, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("current").GetProperty("notes").GetString().ShouldBe("first");
    }

    [Fact]
    public async Task Validation_errors_name_the_fields_at_fault()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/partners", new { code = "vn", kind = "country", nameVi = "", nameEn = "Viet" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await ErrorsAsync(response);
        // "vn" upper-cased is still two letters, not an alpha-3 code; the Vietnamese name is missing.
        errors.Keys.ShouldBe(["code", "nameVi"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_taken_code_and_a_malformed_event_date_are_reported_on_their_fields()
    {
        var client = await fixture.App.AdminClientAsync();

        var duplicate = await client.PostAsJsonAsync("/api/v1/partners", NewPartner("CHN"), Ct);
        var badDate = await client.PostAsJsonAsync("/api/v1/partners/CHN/events", new { level = "strategic", establishedDate = "05/2008" }, Ct);

        (await ErrorsAsync(duplicate)).Keys.ShouldBe(["code"]);
        (await ErrorsAsync(badDate)).Keys.ShouldBe(["establishedDate"]);
    }

    [Fact]
    public async Task An_editor_cannot_classify_an_event_above_their_own_clearance()
    {
        var client = await fixture.App.UserClientAsync("editor-internal@test.local", Roles.Officer, ClassificationLevel.Internal);

        var response = await client.PostAsJsonAsync("/api/v1/partners/CHN/events",
            new { level = "strategic", establishedDate = "1999", classification = "secret" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsAsync(response)).Keys.ShouldBe(["classification"]);
    }

    [Fact]
    public async Task A_viewer_cannot_create_a_partner()
    {
        var client = await fixture.App.UserClientAsync("viewer@test.local", Roles.Viewer, ClassificationLevel.Public);

        var response = await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAD"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_csv_export_imported_back_changes_nothing()
    {
        var client = await fixture.App.AdminClientAsync();
        var csv = await client.GetByteArrayAsync("/api/v1/partnerships/export?format=csv", Ct);

        var outcome = await ImportAsync(client, csv, "export.csv");

        outcome.Succeeded.ShouldBeTrue();
        outcome.Created.ShouldBe(0);
        outcome.Updated.ShouldBe(0);
        outcome.Unchanged.ShouldBeGreaterThanOrEqualTo(45); // the shipped partnerships.csv holds 45 events
    }

    [Fact]
    public async Task The_xlsx_export_has_the_same_rows_as_the_csv_export()
    {
        var client = await fixture.App.AdminClientAsync();
        var xlsx = await client.GetByteArrayAsync("/api/v1/partnerships/export?format=xlsx", Ct);

        var outcome = await ImportAsync(client, xlsx, "export.xlsx", dryRun: true);

        outcome.Succeeded.ShouldBeTrue();
        (outcome.Created + outcome.Updated).ShouldBe(0);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_leaves_everything_unchanged_the_second_time()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAE"), Ct)).EnsureSuccessStatusCode();
        var file = "partner_iso3,partner_name,level,established_date,previous_level,source,notes\n" +
                   "XAE,Testland,comprehensive,2010,,https://example.org/a,\n" +
                   "XAE,Testland,strategic,2018-09-12,comprehensive,https://example.org/b ; https://example.org/c,upgraded\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(file);

        var first = await ImportAsync(client, bytes, "x.csv");
        var second = await ImportAsync(client, bytes, "x.csv");

        (first.Created, first.Updated, first.Unchanged).ShouldBe((2, 0, 0));
        (second.Created, second.Updated, second.Unchanged).ShouldBe((0, 0, 2));
        (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAE", Ct))!.CurrentLevel.ShouldBe("strategic");
    }

    [Fact]
    public async Task A_secret_event_is_missing_from_a_public_readers_detail_and_export()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/partners", NewPartner("XAF"), Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/partners/XAF/events", new { level = "comprehensive", establishedDate = "2001" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/partners/XAF/events",
            new { level = "strategic", establishedDate = "2020-02-02", classification = "secret" }, Ct)).EnsureSuccessStatusCode();
        var viewer = await fixture.App.UserClientAsync("viewer-public@test.local", Roles.Viewer, ClassificationLevel.Public);

        var detail = await viewer.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAF", Ct);
        var csv = await viewer.GetStringAsync("/api/v1/partnerships/export", Ct);

        detail!.Events.Select(e => e.Level).ShouldBe(["comprehensive"]);
        detail.CurrentLevel.ShouldBe("comprehensive");
        csv.ShouldContain("XAF,Testland XAF,comprehensive,2001");
        csv.ShouldNotContain("2020-02-02");
    }

    [Fact]
    public async Task Deleting_an_event_with_a_stale_version_is_refused_and_with_the_current_one_succeeds()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", NewPartner("XAG"), Ct)).EnsureSuccessStatusCode();
        var created = await (await client.PostAsJsonAsync("/api/v1/partners/XAG/events",
            new { level = "strategic", establishedDate = "2016" }, Ct)).Content.ReadFromJsonAsync<FrameworkEventDetail>(Ct);
        var edit = FrameworkEventInput.From(created!);
        edit.Notes = "changed";
        (await client.PutAsJsonAsync($"/api/v1/partners/XAG/events/{created!.Id}", edit, Ct)).EnsureSuccessStatusCode();

        var stale = await client.DeleteAsync($"/api/v1/partners/XAG/events/{created.Id}?version=0", Ct);
        var current = await client.DeleteAsync($"/api/v1/partners/XAG/events/{created.Id}?version=1", Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        current.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XAG", Ct))!.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_partner_answers_404()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.GetAsync("/api/v1/partners/QQQ", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task<ImportOutcome> ImportAsync(HttpClient client, byte[] content, string fileName, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync($"/api/v1/partnerships/import?dryRun={(dryRun ? "true" : "false")}", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonSerializer.Deserialize<ImportOutcome>(body, JsonSerializerOptions.Web)!;
    }
}

public sealed class PartnerEditingTestsOnSqlite(SqliteApp fixture) : PartnerEditingTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnerEditingTestsOnPostgres(PostgresApp fixture) : PartnerEditingTests(fixture), IClassFixture<PostgresApp>;
