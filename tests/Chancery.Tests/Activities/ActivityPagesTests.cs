using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;

namespace Chancery.Tests.Activities;

/// <summary>The Activities pages as HTML (Vietnamese, the default), requested with a bearer token.
/// Each test imports its own records under its own leader so the shared database does not matter.</summary>
public abstract partial class ActivityPagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A trip (France then Germany), a meeting held during it, a call on another day of the trip that
    // is not part of it (a clash), a cancelled call during the trip (no clash), and a later visit.
    private const string OverlapCsv = ActivityDataset.Header + "\n" +
        "ov-trip,official_visit,2025-02-10,2025-02-15,completed,Deputy Prime Minister,Nguyễn Văn Thử,outgoing,FRA;DEU,,,Paris,Trip to France and Germany,,government,internal,,\n" +
        "ov-meet,bilateral_meeting,2025-02-11,2025-02-11,completed,Deputy Prime Minister,Nguyễn Văn Thử,,FRA,,,Paris,Meeting in Paris,ov-trip,,,,\n" +
        "ov-call,phone_call,2025-02-12,2025-02-12,completed,Deputy Prime Minister,Nguyễn Văn Thử,,JPN,,,,Call with Tokyo,,,,,\n" +
        "ov-off,phone_call,2025-02-13,2025-02-13,cancelled,Deputy Prime Minister,Nguyễn Văn Thử,,KOR,,,,Cancelled call with Seoul,,,,,\n" +
        "ov-later,working_visit,2025-03-01,2025-03-02,completed,Deputy Prime Minister,Nguyễn Văn Thử,outgoing,LAO,,,Vientiane,Later visit to Laos,,,,,\n";

    [Fact]
    public async Task The_list_filtered_by_partner_shows_vietnamese_dates_kinds_and_country_names()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);

        var html = await PageAsync(client, "/activities?partner=DEU&q=nguyen%20van%20thu", Ct);

        html.ShouldContain(">1 hoạt động<");
        html.ShouldContain("10/02/2025 – 15/02/2025");
        html.ShouldContain("Thăm chính thức");
        html.ShouldContain("Pháp, Đức"); // the legs' countries in order, named in Vietnamese
        html.ShouldNotContain("Later visit to Laos");
    }

    [Fact]
    public async Task The_trip_page_lists_its_legs_its_meeting_and_warns_about_the_clashing_call_only()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var trip = await IdOfAsync(client, "ov-trip");

        var html = await PageAsync(client, $"/activities/{trip}", Ct);

        var legs = html[html.IndexOf("class=\"data legs\"", StringComparison.Ordinal)..];
        legs.IndexOf("Pháp", StringComparison.Ordinal).ShouldBeLessThan(legs.IndexOf("Đức", StringComparison.Ordinal));
        html.ShouldContain("Meeting in Paris"); // held during the trip
        var warning = Between(html, "overlap-warning", "</div>");
        warning.ShouldContain("Lãnh đạo đã có lịch khác trùng ngày");
        warning.ShouldContain("Call with Tokyo");
        warning.ShouldNotContain("Meeting in Paris");
        warning.ShouldNotContain("Cancelled call with Seoul");
        warning.ShouldNotContain("Later visit to Laos");
    }

    [Fact]
    public async Task A_meeting_during_the_trip_is_not_a_clash_and_names_its_parent()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var meeting = await IdOfAsync(client, "ov-meet");

        var html = await PageAsync(client, $"/activities/{meeting}", Ct);

        html.ShouldNotContain("overlap-warning");
        html.ShouldContain("Trip to France and Germany");
    }

    [Fact]
    public async Task The_english_page_reads_in_english()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var trip = await IdOfAsync(client, "ov-trip");

        var html = await PageAsync(client, $"/activities/{trip}?culture=en", Ct);

        html.ShouldContain("The leader is booked elsewhere on these dates");
        html.ShouldContain("10 Feb 2025 – 15 Feb 2025");
        html.ShouldContain("France");
        html.ShouldContain("Germany");
    }

    [Fact]
    public async Task A_new_trip_saved_through_the_form_keeps_its_legs_in_order_and_ignores_blank_rows()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));

        var response = await client.PostAsync("/activities/new", Form(token, new()
        {
            ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed", ["Input.DateStart"] = "2025-05-01", ["Input.DateEnd"] = "2025-05-06",
            ["Input.Title"] = "Form trip to Italy and Spain", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "ita", ["Input.Legs[0].City"] = "Roma", ["Input.Legs[0].DateStart"] = "2025-05-01", ["Input.Legs[0].DateEnd"] = "2025-05-03",
            ["Input.Legs[1].CountryIso3"] = "", ["Input.Legs[1].City"] = "", ["Input.Legs[1].DateStart"] = "", ["Input.Legs[1].DateEnd"] = "",
            ["Input.Legs[2].CountryIso3"] = "ESP", ["Input.Legs[2].City"] = "Madrid", ["Input.Legs[2].DateStart"] = "2025-05-04", ["Input.Legs[2].DateEnd"] = "2025-05-06",
            ["theme"] = "semiconductors",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PageAsync(client, response.Headers.Location!.ToString(), Ct);
        var legs = page[page.IndexOf("class=\"data legs\"", StringComparison.Ordinal)..];
        legs.IndexOf("Roma", StringComparison.Ordinal).ShouldBeLessThan(legs.IndexOf("Madrid", StringComparison.Ordinal));
        legs.ShouldContain("01/05/2025 – 03/05/2025");
        page.ShouldContain("Bán dẫn"); // the theme chip
    }

    [Fact]
    public async Task Legs_out_of_order_or_outside_the_trip_and_a_contradicting_direction_are_shown_beside_their_fields()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));

        var response = await client.PostAsync("/activities/new", Form(token, new()
        {
            ["Input.Kind"] = "official_visit", ["Input.Direction"] = "incoming", ["Input.Status"] = "completed",
            ["Input.DateStart"] = "2025-05-01", ["Input.DateEnd"] = "2025-05-06", ["Input.Title"] = "Never stored", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "ITA", ["Input.Legs[0].DateStart"] = "2025-05-03", ["Input.Legs[0].DateEnd"] = "2025-05-04",
            ["Input.Legs[1].CountryIso3"] = "ESP", ["Input.Legs[1].DateStart"] = "2025-05-02", ["Input.Legs[1].DateEnd"] = "2025-05-09",
            ["Input.Legs[2].CountryIso3"] = "QQQ",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Loại hình này là đoàn ra.");
        html.ShouldContain("Các chặng phải theo thứ tự");
        html.ShouldContain("Chặng kết thúc ngoài thời gian chuyến đi.");
        html.ShouldContain("Không có mã quốc gia 'QQQ'.");
        // The second leg's error sits in the second leg's row.
        var secondRow = Between(html, "name=\"Input.Legs[1].CountryIso3\"", "</tr>");
        secondRow.ShouldContain("Các chặng phải theo thứ tự");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=never%20stored", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Add_more_legs_renders_more_rows_and_saves_nothing()
    {
        var client = await fixture.App.AdminClientAsync();
        var form = await PageAsync(client, "/activities/new", Ct);
        LegRows(form).ShouldBe(2); // a new activity: no legs, two blank rows

        var response = await client.PostAsync("/activities/new", Form(Token(form), new()
        {
            ["action"] = "more-legs", ["Input.Kind"] = "official_visit", ["Input.DateStart"] = "2025-07-01", ["Input.Title"] = "Only more rows",
            ["Input.Classification"] = "internal", ["Input.Legs[0].CountryIso3"] = "ITA",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        LegRows(html).ShouldBe(6); // the filled leg and five blank rows
        html.ShouldContain("value=\"ITA\"");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=only%20more%20rows", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_with_the_stored_values()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        var id = await IdOfAsync(client, "ov-later");
        var token = Token(await PageAsync(client, $"/activities/{id}/edit", Ct));
        var stored = await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{id}", Ct);
        // Someone else saves first.
        (await client.PutAsJsonAsync($"/api/v1/activities/{id}", new ActivityInput(null, "working_visit", null, "completed", stored!.DateStart, stored.DateEnd,
            "Saved first by someone else", null, null, stored.LeadPersonId, null, null, null, null, null, null, null, null, null, "internal",
            [new("LAO", null, null, null)], stored.Version), Ct)).EnsureSuccessStatusCode();

        var response = await client.PostAsync($"/activities/{id}/edit", Form(token, new()
        {
            ["Input.Version"] = stored.Version.ToString(), ["Input.Kind"] = "working_visit", ["Input.Status"] = "completed",
            ["Input.DateStart"] = "2025-03-01", ["Input.DateEnd"] = "2025-03-02", ["Input.Title"] = "Mine from a stale form",
            ["Input.Classification"] = "internal", ["Input.Legs[0].CountryIso3"] = "LAO",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Bản ghi đã được người khác lưu trước");
        html.ShouldContain("Saved first by someone else");
        html.ShouldContain("Mine from a stale form");
        (await client.GetStringAsync($"/api/v1/activities/{id}", Ct)).ShouldContain("Saved first by someone else");
    }

    [Fact]
    public async Task The_partner_page_lists_its_activities_latest_first_with_a_link_to_all()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);

        var html = await PageAsync(client, "/partners/DEU", Ct);

        var section = html[html.IndexOf("partner-activities", StringComparison.Ordinal)..];
        section.ShouldContain("Trip to France and Germany");
        section.ShouldContain("href=\"/activities?partner=DEU&amp;exactTotal=true\"");
    }

    [Fact]
    public async Task The_activity_import_page_previews_before_storing()
    {
        var client = await fixture.App.AdminClientAsync();
        var csv = ActivityDataset.Header + "\nimp-1,phone_call,2025-09-09,,,Prime Minister,Người Nhập Thử,,FRA,,,,Imported through the page,,,,,\n";
        var token = Token(await PageAsync(client, "/activities/import", Ct));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "activities.csv" },
        };

        var uploaded = await client.PostAsync("/activities/import", upload, Ct);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var preview = await PageAsync(client, uploaded.Headers.Location!.ToString(), Ct);
        preview.ShouldContain("Xem trước: 1 tạo mới, 0 cập nhật, 0 không đổi.");
        preview.ShouldContain("imp-1");
        (await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=imp-1", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_leader_filter_offers_leaders_up_to_minister_and_keeps_a_linked_one_selected()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportOverlapSetAsync(client);
        // A deputy minister (tier 4) and a provincial chair (tier 4): found by name, not listed.
        var (response, _) = await ActivityDataset.ImportAsync(client, ActivityDataset.Header + "\n" +
            "lc-1,phone_call,2025-04-01,,,Deputy Minister,Trần Thứ Trưởng,,JPN,,,,Call by a deputy minister,,,,,\n" +
            "lc-2,phone_call,2025-04-02,,,Chủ tịch UBND tỉnh,Lê Chủ Tịch Tỉnh,,KOR,,,,Call by a provincial chair,,,,,\n");
        response.IsSuccessStatusCode.ShouldBeTrue();

        var html = await PageAsync(client, "/activities", Ct);
        var select = LeaderSelect().Match(html).Value;

        select.ShouldContain(">Nguyễn Văn Thử</option>"); // a deputy prime minister (tier 2)
        select.ShouldNotContain("Trần Thứ Trưởng");
        select.ShouldNotContain("Lê Chủ Tịch Tỉnh");

        var found = await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=lc-&leader=tran%20thu%20truong", Ct);
        found!.Items.Select(i => i.ExternalRef).ShouldBe(["lc-1"]);
        // A link to the list filtered by them (e.g. from their page) still shows them as the chosen leader.
        var person = (await client.GetFromJsonAsync<ListResult<Chancery.Web.People.PersonListItem>>("/api/v1/people?q=tran%20thu%20truong&side=domestic", Ct))!.Items.Single();
        var linked = LeaderSelect().Match(await PageAsync(client, $"/activities?leader={person.Id}", Ct)).Value;
        linked.ShouldContain($"<option value=\"{person.Id}\" selected");
    }

    [GeneratedRegex("<select name=\"leader\">.*?</select>", RegexOptions.Singleline)]
    private static partial Regex LeaderSelect();

    private static async Task ImportOverlapSetAsync(HttpClient client)
    {
        var (response, outcome) = await ActivityDataset.ImportAsync(client, OverlapCsv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems?.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? [])
            + " " + await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<int> IdOfAsync(HttpClient client, string reference)
    {
        var list = await client.GetFromJsonAsync<ListResult<ActivityListItem>>($"/api/v1/activities?q={reference}", Ct);
        return list!.Items.Single(i => i.ExternalRef == reference).Id;
    }

    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields)
    {
        fields.TryAdd("_handler", "activity");
        fields.TryAdd("action", "save");
        fields.TryAdd("Input.Version", "0");
        fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private static int LegRows(string html) => Regex.Matches(html, "class=\"leg-row\"").Count;

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{start}' is not on the page");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
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

public sealed class ActivityPagesTestsOnSqlite(SqliteApp fixture) : ActivityPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityPagesTestsOnPostgres(PostgresApp fixture) : ActivityPagesTests(fixture), IClassFixture<PostgresApp>;
