using Chancery.Web.Common.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Partners;

/// <summary>The Partners pages as HTML (Vietnamese, the default), requested with a bearer token: the
/// app accepts a token wherever it accepts the sign-in cookie, which spares the login form here.</summary>
public abstract partial class PartnerPagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_filtered_by_level_and_day_shows_the_fourteen_with_their_badges()
    {
        var client = await fixture.App.AdminClientAsync();

        var html = await PageAsync(client, "/partners?level=comprehensive_strategic&asOf=2025-10-31", Ct);

        html.ShouldContain("14 đối tác");
        html.ShouldContain("href=\"/partners/GBR\"");
        Regex.Matches(html, "class=\"level-badge level-comprehensive_strategic\"").Count.ShouldBe(14);
    }

    [Fact]
    public async Task The_detail_page_shows_the_ladder_oldest_first_in_vietnamese_dates()
    {
        var client = await fixture.App.AdminClientAsync();

        var html = await PageAsync(client, "/partners/GBR", Ct);

        // Strategic on 8 September 2010, comprehensive strategic on 29 October 2025.
        var timeline = html[html.IndexOf("class=\"timeline\"", StringComparison.Ordinal)..];
        var first = timeline.IndexOf("08/09/2010", StringComparison.Ordinal);
        var second = timeline.IndexOf("29/10/2025", StringComparison.Ordinal);
        first.ShouldBeGreaterThan(0);
        second.ShouldBeGreaterThan(first);
        html.ShouldContain("Từ 29/10/2025"); // the current level's date in the header
    }

    [Fact]
    public async Task The_detail_page_reads_in_english_when_asked()
    {
        var client = await fixture.App.AdminClientAsync();

        var html = await PageAsync(client, "/partners/GBR?culture=en", Ct);

        html.ShouldContain("Comprehensive strategic partnership");
        html.ShouldContain("29 Oct 2025");
    }

    [Fact]
    public async Task An_event_can_be_edited_and_deleted_through_its_page()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", new { code = "XPC", kind = "country", nameVi = "Nước XPC", nameEn = "XPC land" }, Ct)).EnsureSuccessStatusCode();
        var created = await (await client.PostAsJsonAsync("/api/v1/partners/XPC/events", new { level = "comprehensive", establishedDate = "2012" }, Ct))
            .Content.ReadFromJsonAsync<Chancery.Web.Partners.Editing.FrameworkEventDetail>(Ct);
        var editUrl = $"/partners/XPC/events/{created!.Id}/edit";

        var form = await PageAsync(client, editUrl, Ct);
        form.ShouldContain("value=\"2012\"");
        var saved = await client.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "event", ["__RequestVerificationToken"] = Token(form), ["Input.Version"] = "0", ["Input.Level"] = "comprehensive",
            ["Input.EstablishedDate"] = "2012-07", ["Input.Classification"] = "public",
        }), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(client, "/partners/XPC", Ct)).ShouldContain("07/2012");

        // Delete asks first, on a page of its own.
        (await PageAsync(client, editUrl, Ct)).ShouldContain($"href=\"/partners/XPC/events/{created.Id}/delete\"");
        var confirmUrl = $"/partners/XPC/events/{created.Id}/delete";
        var deleted = await client.PostAsync(confirmUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "delete", ["__RequestVerificationToken"] = Token(await PageAsync(client, confirmUrl, Ct)), ["DeleteVersion"] = "1",
        }), Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(client, "/partners/XPC", Ct)).ShouldContain("Chưa ghi nhận sự kiện khuôn khổ nào.");
    }

    [Fact]
    public async Task An_unknown_partner_page_answers_404()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.GetAsync("/partners/QQQ", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct))).ShouldContain("Không tìm thấy");
    }

    [Fact]
    public async Task A_stale_edit_form_shows_the_conflict_and_keeps_the_stored_values()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", new { code = "XPA", kind = "country", nameVi = "Nước XPA", nameEn = "XPA land" }, Ct)).EnsureSuccessStatusCode();
        var token = Token(await PageAsync(client, "/partners/XPA/edit", Ct));
        // Someone else saves first (version 0 -> 1).
        (await client.PutAsJsonAsync("/api/v1/partners/XPA", new { code = "XPA", kind = "country", nameVi = "Nước XPA", nameEn = "Saved first", version = 0 }, Ct)).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/partners/XPA/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "partner", ["__RequestVerificationToken"] = token, ["Input.Version"] = "0", ["Input.Code"] = "XPA",
            ["Input.Kind"] = "country", ["Input.NameVi"] = "Nước XPA", ["Input.NameEn"] = "Mine, from a stale form", ["Input.Classification"] = "public",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Bản ghi đã được người khác lưu trước");
        html.ShouldContain("Saved first");
        html.ShouldContain("Mine, from a stale form");
        (await PageAsync(client, "/api/v1/partners/XPA", Ct)).ShouldContain("Saved first");
    }

    [Fact]
    public async Task A_form_error_is_shown_beside_its_field()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/partners/new", Ct));

        var response = await client.PostAsync("/partners/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "partner", ["__RequestVerificationToken"] = token, ["Input.Code"] = "xp",
            ["Input.Kind"] = "country", ["Input.NameVi"] = "Nước", ["Input.NameEn"] = "Land", ["Input.Classification"] = "public",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Mã quốc gia là mã ISO 3166-1 alpha-3");
    }

    [Fact]
    public async Task An_upload_is_previewed_then_imported_on_confirmation_by_its_owner_only()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", new { code = "XPB", kind = "country", nameVi = "Nước XPB", nameEn = "XPB land" }, Ct)).EnsureSuccessStatusCode();
        var csv = "partner_iso3,partner_name,level,established_date,previous_level,source,notes\nXPB,XPB land,strategic,2019-04,,https://example.org/x,\n";

        var token = Token(await PageAsync(client, "/partnerships/import", Ct));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "events.csv" },
        };
        var uploaded = await client.PostAsync("/partnerships/import", upload, Ct);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var previewUrl = uploaded.Headers.Location!.ToString();
        previewUrl.ShouldContain("pending=");
        var preview = await PageAsync(client, previewUrl, Ct);
        preview.ShouldContain("Xem trước: 1 tạo mới, 0 cập nhật, 0 không đổi.");
        (await PageAsync(client, "/api/v1/partners/XPB", Ct)).ShouldNotContain("2019-04"); // nothing stored yet

        // Another editor cannot see or confirm someone else's upload.
        var other = await fixture.App.UserClientAsync("other-editor@test.local", Roles.Officer, ClassificationLevel.Internal);
        var othersView = await PageAsync(other, previewUrl, Ct);
        othersView.ShouldNotContain("Xem trước: 1");
        othersView.ShouldContain("không còn chờ xác nhận");

        var pendingId = Regex.Match(previewUrl, "pending=([0-9a-f-]+)").Groups[1].Value;
        var confirmed = await client.PostAsync(previewUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "confirm", ["__RequestVerificationToken"] = Token(preview), ["ConfirmId"] = pendingId,
        }), Ct);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync(Ct))).ShouldContain("Đã nhập: 1 tạo mới, 0 cập nhật, 0 không đổi.");
        (await PageAsync(client, "/api/v1/partners/XPB", Ct)).ShouldContain("2019-04");
        // Confirmed once: the pending upload is gone.
        (await PageAsync(client, previewUrl, Ct)).ShouldContain("không còn chờ xác nhận");
    }

    [Fact]
    public async Task A_viewer_is_not_offered_the_import_page()
    {
        var client = await fixture.App.UserClientAsync("viewer-pages@test.local", Roles.Viewer, ClassificationLevel.Public);

        var response = await client.GetAsync("/partnerships/import", Ct);

        (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct))).ShouldNotContain("type=\"file\"");
    }

    /// <summary>The page's HTML with entities decoded (Razor encodes Vietnamese letters as &amp;#x...;).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url, CancellationToken ct) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url, ct));

    private static string Token(string html)
    {
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<a>[^\"]+)\"|<input[^>]*value=\"(?<b>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryInput();
}

public sealed class PartnerPagesTestsOnSqlite(SqliteApp fixture) : PartnerPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class PartnerPagesTestsOnPostgres(PostgresApp fixture) : PartnerPagesTests(fixture), IClassFixture<PostgresApp>;
