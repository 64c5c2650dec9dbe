using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Partners.Editing;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Languages;

/// <summary>Each screen in one language (issue 10, point 7), seen through the doors users use: pages in
/// Vietnamese (the default) and English (?culture=en), the API, the import and the export.</summary>
public abstract class OneLanguagePerScreenTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Two activities of one leader: one with both titles, one with the Vietnamese title only. The
    // leader's office and the counterpart's are written as people write them ("Thủ tướng", "President").
    private const string Csv = ActivityDataset.Header + ",leader_office_change,title_en\n" +
        "lang-both,official_visit,2025-04-07,2025-04-09,completed,Thủ tướng,Hoàng Song Ngữ,outgoing,ARG,,,Buenos Aires,Thăm chính thức Ác-hen-ti-na,,government,internal,,,new,Official visit to Argentina\n" +
        "lang-vi,bilateral_meeting,2025-04-08,2025-04-08,completed,Thủ tướng,Hoàng Song Ngữ,,ARG,Javier Ẩn Danh,President,Buenos Aires,Hội kiến Tổng thống Ác-hen-ti-na,lang-both,government,internal,,,extend,\n";

    private async Task<HttpClient> ImportedAsync()
    {
        var client = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(client, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return client;
    }

    [Fact]
    public async Task Country_names_on_the_partner_pages_follow_the_readers_language()
    {
        var client = await fixture.App.AdminClientAsync();

        var vi = await PageAsync(client, "/partners?q=argentina", Ct);
        var en = await PageAsync(client, "/partners?q=argentina&culture=en", Ct);

        vi.ShouldContain(">Ác-hen-ti-na</a>");
        vi.ShouldNotContain(">Argentina</a>");
        en.ShouldContain(">Argentina</a>");
        (await PageAsync(client, "/partners/USA", Ct)).ShouldContain("Hoa Kỳ");
        (await PageAsync(client, "/partners/RUS", Ct)).ShouldContain("Liên bang Nga");
    }

    [Fact]
    public async Task A_previous_level_is_worded_in_the_readers_language_and_english_notes_are_marked_as_english()
    {
        var client = await fixture.App.AdminClientAsync();

        // The shipped file says "strategic (2006/2009)" and notes in English for Japan's 2014 event.
        var vi = Between(await PageAsync(client, "/partners/JPN", Ct), "class=\"timeline\"", "</ol>");
        var en = Between(await PageAsync(client, "/partners/JPN?culture=en", Ct), "class=\"timeline\"", "</ol>");

        vi.ShouldContain("Đối tác chiến lược<span> (2006/2009)</span>");
        vi.ShouldNotContain("strategic (2006/2009)");
        vi.ShouldContain("<dd lang=\"en\">VNA: 2006 joint statement");
        en.ShouldContain("<dd>VNA: 2006 joint statement");
    }

    [Fact]
    public async Task Region_and_sub_region_are_chosen_from_the_list_and_shown_in_the_readers_language()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/partners", new { code = "XRG", kind = "country", nameVi = "Nước XRG", nameEn = "XRG land" }, Ct))
            .EnsureSuccessStatusCode();
        var stored = (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XRG", Ct))!;

        // Typed words are refused, and so is a sub-region of another region.
        var typed = PartnerInput.From(stored);
        typed.Region = "Asia";
        var refused = await client.PutAsJsonAsync("/api/v1/partners/XRG", typed, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("region");
        var mismatched = PartnerInput.From(stored);
        (mismatched.Region, mismatched.Subregion) = ("asia", "western_europe");
        (await client.PutAsJsonAsync("/api/v1/partners/XRG", mismatched, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The edit page offers the list: a select, each sub-region under its region.
        var form = await PageAsync(client, "/partners/XRG/edit", Ct);
        var subregions = Between(form, "name=\"Input.Subregion\"", "</select>");
        subregions.ShouldContain("<optgroup label=\"Châu Âu\">");
        subregions.ShouldContain("<option value=\"western_europe\">Tây Âu</option>");
        form.ShouldNotContain("<input name=\"Input.Region\"");

        var saved = await client.PostAsync("/partners/XRG/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "partner", ["__RequestVerificationToken"] = Token(form), ["Input.Version"] = stored.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = "XRG", ["Input.Kind"] = "country", ["Input.NameVi"] = "Nước XRG", ["Input.NameEn"] = "XRG land",
            ["Input.Region"] = "europe", ["Input.Subregion"] = "western_europe", ["Input.Classification"] = "public",
        }), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await client.GetFromJsonAsync<PartnerDetail>("/api/v1/partners/XRG", Ct))!.Subregion.ShouldBe("western_europe");
        var vi = await PageAsync(client, "/partners/XRG", Ct);
        vi.ShouldContain(" · Châu Âu</span>");
        vi.ShouldContain(" · Tây Âu</span>");
        var en = await PageAsync(client, "/partners/XRG?culture=en", Ct);
        en.ShouldContain(" · Europe</span>");
        en.ShouldContain(" · Western Europe</span>");
    }

    [Fact]
    public async Task Offices_as_written_read_as_the_office_in_the_readers_language()
    {
        var client = await ImportedAsync();

        var viList = await PageAsync(client, "/activities?q=lang-&leader=hoang%20song%20ngu", Ct);
        var enList = await PageAsync(client, "/activities?q=lang-&leader=hoang%20song%20ngu&culture=en", Ct);
        viList.ShouldContain("Thủ tướng Chính phủ");
        enList.ShouldContain("Prime Minister of Vietnam");
        enList.ShouldNotContain("Thủ tướng");

        var meeting = await IdOfAsync(client, "lang-vi");
        (await PageAsync(client, $"/activities/{meeting}", Ct)).ShouldContain("Javier Ẩn Danh, Tổng thống");
        (await PageAsync(client, $"/activities/{meeting}?culture=en", Ct)).ShouldContain("Javier Ẩn Danh, President");
    }

    [Fact]
    public async Task English_screens_show_the_english_title_and_fall_back_to_the_vietnamese_one_marked_as_such()
    {
        var client = await ImportedAsync();
        var both = await IdOfAsync(client, "lang-both");
        var viOnly = await IdOfAsync(client, "lang-vi");

        (await PageAsync(client, $"/activities/{both}", Ct)).ShouldContain("<h1>Thăm chính thức Ác-hen-ti-na</h1>");
        var en = await PageAsync(client, $"/activities/{both}?culture=en", Ct);
        en.ShouldContain("<h1>Official visit to Argentina</h1>");
        en.ShouldContain("<p class=\"title-other muted\" lang=\"vi\">Thăm chính thức Ác-hen-ti-na</p>");
        (await PageAsync(client, $"/activities/{viOnly}?culture=en", Ct)).ShouldContain("<h1><span lang=\"vi\">Hội kiến Tổng thống Ác-hen-ti-na</span></h1>");

        var enList = await PageAsync(client, "/activities?q=lang-&culture=en", Ct);
        enList.ShouldContain(">Official visit to Argentina</a>");
        enList.ShouldContain("<span lang=\"vi\">Hội kiến Tổng thống Ác-hen-ti-na</span>");
        enList.ShouldNotContain(">Thăm chính thức Ác-hen-ti-na<");
    }

    [Fact]
    public async Task The_english_title_goes_through_the_api_the_search_and_the_export()
    {
        var client = await ImportedAsync();
        var both = await IdOfAsync(client, "lang-both");

        var detail = await client.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{both}", Ct);
        (detail!.Title, detail.TitleEn).ShouldBe(("Thăm chính thức Ác-hen-ti-na", "Official visit to Argentina"));

        // Found by words of either title (the English one is in no other field).
        var found = await client.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=official%20visit%20to%20argentina", Ct);
        found!.Items.Select(i => i.ExternalRef).ShouldContain("lang-both");
        (await PageAsync(client, "/search?q=official%20visit%20to%20argentina&culture=en", Ct)).ShouldContain("Official visit to Argentina");

        var csv = await client.GetStringAsync("/api/v1/activities/export?q=lang-both&format=csv", Ct);
        var header = csv.Split('\n')[0].Trim().TrimStart('\uFEFF').Split(',');
        header[..19].ShouldBe(ActivityDataset.Header.Split(',').Append("leader_office_change").ToArray()); // the old columns where they were
        header[^1].ShouldBe("title_en");
        csv.ShouldContain("Official visit to Argentina");

        // Written through the API, changed, and cleared.
        var input = new ActivityInput(null, "phone_call", null, "completed", new DateOnly(2025, 4, 20), null, "Điện đàm song ngữ", null, null, null, null,
            null, null, null, null, null, null, null, null, "internal", [new ActivityLegInput("ARG", null, null, null)], null, TitleEn: "Bilingual phone call");
        var created = await client.PostAsJsonAsync("/api/v1/activities", input, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var call = (await created.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        call.TitleEn.ShouldBe("Bilingual phone call");
    }

    [Fact]
    public async Task The_form_saves_the_english_title()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/activities/new", Ct));

        var response = await client.PostAsync("/activities/new", Form(token, new()
        {
            ["Input.Kind"] = "phone_call", ["Input.Status"] = "completed", ["Input.DateStart"] = "2025-05-01",
            ["Input.Title"] = "Điện đàm qua biểu mẫu", ["Input.TitleEn"] = "Phone call through the form", ["Input.Classification"] = "internal",
            ["Input.Legs[0].CountryIso3"] = "JPN",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath; // without its ?saved=1
        (await PageAsync(client, url + "?culture=en", Ct)).ShouldContain("<h1>Phone call through the form</h1>");
        (await PageAsync(client, url, Ct)).ShouldContain("<h1>Điện đàm qua biểu mẫu</h1>");
        (await PageAsync(client, url + "/edit", Ct)).ShouldContain("value=\"Phone call through the form\"");
    }

    [Fact]
    public async Task The_import_preview_reports_a_changed_english_title()
    {
        var client = await ImportedAsync();
        var changed = Csv.Replace("Official visit to Argentina", "Official visit to the Argentine Republic");
        using var content = new StringContent(changed, Encoding.UTF8, "text/csv");

        var response = await client.PostAsync("/api/v1/activities/import?dryRun=true", content, Ct);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("title_en");
        body.ShouldContain("Official visit to the Argentine Republic");
    }

    [Fact]
    public async Task The_calendar_feed_titles_events_in_the_subscribers_language()
    {
        var client = await fixture.App.AdminClientAsync();
        var soon = DateOnly.FromDateTime(DateTime.Now).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (imported, _) = await ActivityDataset.ImportAsync(client, ActivityDataset.Header + ",leader_office_change,title_en\n" +
            $"lang-feed,working_visit,{soon},{soon},planned,Thủ tướng,Hoàng Song Ngữ,outgoing,ARG,,,,Thăm làm việc Ác-hen-ti-na,,,internal,,,extend,Working visit to Argentina\n");
        imported.EnsureSuccessStatusCode();
        var address = await (await client.PostAsync("/api/v1/calendar/token", null, Ct)).Content.ReadFromJsonAsync<FeedAddressBody>(Ct);
        var path = new Uri(address!.Url).PathAndQuery;

        var vi = await fixture.App.CreateClient().GetStringAsync(path, Ct);
        var en = await fixture.App.CreateClient().GetStringAsync(path + "?culture=en", Ct);

        vi.ShouldContain("SUMMARY:Thăm làm việc Ác-hen-ti-na");
        vi.ShouldContain("Thủ tướng Chính phủ");
        en.ShouldContain("SUMMARY:Working visit to Argentina");
        en.ShouldContain("Prime Minister of Vietnam");
    }

    private sealed record FeedAddressBody(string Url);
}

public sealed class OneLanguagePerScreenTestsOnSqlite(SqliteApp fixture) : OneLanguagePerScreenTests(fixture), IClassFixture<SqliteApp>;

public sealed class OneLanguagePerScreenTestsOnPostgres(PostgresApp fixture) : OneLanguagePerScreenTests(fixture), IClassFixture<PostgresApp>;
