using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.People;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.People;

/// <summary>The new-person and edit-person pages posted as a browser would (antiforgery included), and a
/// foreign counterpart's page listing the meetings held with them.</summary>
public abstract class PersonFormTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent PersonForm(string token, Dictionary<string, string> fields)
    {
        fields.TryAdd("_handler", "person");
        fields.TryAdd("action", "save");
        fields.TryAdd("Input.Version", "0");
        fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private static async Task<PersonDetail> DetailAsync(HttpClient client, string location) =>
        (await client.GetFromJsonAsync<PersonDetail>("/api/v1" + location, Ct))!;

    [Fact]
    public async Task A_person_made_on_the_new_person_page_is_stored_with_every_field_and_shown_on_their_page()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/people/new", Ct));

        var response = await client.PostAsync("/people/new", PersonForm(token, new()
        {
            ["Input.FullName"] = "Tập Cận Bình", ["Input.NameEn"] = "Xi Jinping", ["Input.Side"] = "foreign", ["Input.CountryIso3"] = "CHN",
            ["Input.Notes"] = "Met twice in 2025.",
            ["Input.Offices[0].OfficeId"] = "", ["Input.Offices[0].Title"] = "General Secretary", ["Input.Offices[0].From"] = "2012-11-15", ["Input.Offices[0].To"] = "",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.ToString();
        location.ShouldStartWith("/people/");
        var stored = await DetailAsync(client, location);
        stored.FullName.ShouldBe("Tập Cận Bình");
        stored.NameEn.ShouldBe("Xi Jinping");
        stored.Side.ShouldBe("foreign");
        stored.CountryIso3.ShouldBe("CHN");
        stored.Notes.ShouldBe("Met twice in 2025.");
        var office = stored.Offices.ShouldHaveSingleItem();
        (office.Title, office.From, office.To).ShouldBe(("General Secretary", new DateOnly(2012, 11, 15), (DateOnly?)null));

        var page = await PageAsync(client, location, Ct);
        page.ShouldContain("<h1>Tập Cận Bình</h1>");
        page.ShouldContain("Xi Jinping");
        page.ShouldContain("Trung Quốc"); // the country in the reader's language
        page.ShouldContain("Met twice in 2025.");
    }

    [Fact]
    public async Task A_refused_person_keeps_the_typed_values_and_shows_each_problem_beside_its_field()
    {
        var client = await fixture.App.AdminClientAsync();
        var token = Token(await PageAsync(client, "/people/new", Ct));

        var response = await client.PostAsync("/people/new", PersonForm(token, new()
        {
            ["Input.FullName"] = "", ["Input.NameEn"] = "Kept English Name", ["Input.Side"] = "foreign", ["Input.CountryIso3"] = "QQQ",
            ["Input.Notes"] = "kept notes",
            ["Input.Offices[0].Title"] = "", ["Input.Offices[0].From"] = "", // the spare row: ignored
            ["Input.Offices[1].Title"] = "Envoy", ["Input.Offices[1].From"] = "2025-05-01", ["Input.Offices[1].To"] = "2025-04-01",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Between(html, "name=\"Input.FullName\"", "</label>").ShouldContain("Trường này là bắt buộc.");
        Between(html, "name=\"Input.CountryIso3\"", "</label>").ShouldContain("'QQQ' không phải là quốc gia trong danh mục.");
        // The end-before-start problem sits in the second row, the one that was wrong.
        Between(html, "name=\"Input.Offices[1].To\"", "</label>").ShouldContain("Ngày kết thúc trước ngày bắt đầu.");
        Between(html, "name=\"Input.Offices[0].To\"", "</label>").ShouldNotContain("Ngày kết thúc trước ngày bắt đầu.");
        html.ShouldContain("value=\"Kept English Name\"");
        html.ShouldContain(">kept notes</textarea>");
        html.ShouldContain("value=\"Envoy\"");
        html.ShouldContain("value=\"2025-04-01\"");
        (await client.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=kept%20english%20name", Ct))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_edit_page_changes_the_person_and_removes_a_period_ticked_for_removal()
    {
        var client = await fixture.App.AdminClientAsync();
        var created = await CreateAsync(client, "Edit Target Person", "Envoy", "Adviser");
        var url = $"/people/{created.Id}/edit";
        var form = await PageAsync(client, url, Ct);
        form.ShouldContain("value=\"Edit Target Person\"");
        var (envoy, adviser) = (created.Offices[0], created.Offices[1]);

        var response = await client.PostAsync(url, PersonForm(Token(form), new()
        {
            ["Input.Version"] = created.Version.ToString(), ["Input.FullName"] = "Edited Person", ["Input.NameEn"] = "",
            ["Input.Side"] = "foreign", ["Input.CountryIso3"] = "JPN", ["Input.Notes"] = "",
            ["Input.Offices[0].Id"] = envoy.Id.ToString(), ["Input.Offices[0].Title"] = "Envoy", ["Input.Offices[0].From"] = "2024-01-01",
            ["Input.Offices[0].To"] = "2024-12-31",
            ["Input.Offices[1].Id"] = adviser.Id.ToString(), ["Input.Offices[1].Title"] = "Adviser", ["Input.Offices[1].From"] = "2025-01-01",
            ["Input.Offices[1].Remove"] = "true",
            ["Input.Offices[2].Title"] = "Ambassador", ["Input.Offices[2].From"] = "2025-02-01",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await DetailAsync(client, $"/people/{created.Id}");
        stored.FullName.ShouldBe("Edited Person");
        stored.CountryIso3.ShouldBe("JPN");
        stored.Offices.Select(o => (o.Title, o.From, o.To)).ShouldBe(
        [
            ("Envoy", new DateOnly(2024, 1, 1), (DateOnly?)new DateOnly(2024, 12, 31)),
            ("Ambassador", new DateOnly(2025, 2, 1), null),
        ]);
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_notice_with_the_stored_values_and_keeps_the_editors()
    {
        var client = await fixture.App.AdminClientAsync();
        var created = await CreateAsync(client, "Conflict Target Person");
        var url = $"/people/{created.Id}/edit";
        var token = Token(await PageAsync(client, url, Ct));
        // Someone else saves first.
        var other = await client.PutAsJsonAsync($"/api/v1/people/{created.Id}",
            new PersonInput("Conflict Target Person", null, "foreign", "FRA", "saved by someone else", null, created.Version), Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.PostAsync(url, PersonForm(token, new()
        {
            ["Input.Version"] = created.Version.ToString(), ["Input.FullName"] = "Conflict Target Person", ["Input.Side"] = "foreign",
            ["Input.CountryIso3"] = "DEU", ["Input.Notes"] = "my own notes",
        }), Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var notice = Between(html, "class=\"alert warning conflict\"", "</table>");
        notice.ShouldContain("Bản ghi đã được người khác lưu trước");
        notice.ShouldContain("saved by someone else");
        notice.ShouldContain("my own notes");
        html.ShouldContain(">my own notes</textarea>");
        (await DetailAsync(client, $"/people/{created.Id}")).Notes.ShouldBe("saved by someone else");
    }

    [Fact]
    public async Task A_counterparts_page_lists_every_meeting_held_with_them_newest_first_within_the_readers_clearance()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = ActivityDataset.Header + ",leader_office_change\n" +
            "cp-1,bilateral_meeting,2025-03-01,2025-03-01,completed,Prime Minister,Phạm Minh Chính,,NZL,Christopher Luxon,Prime Minister,Wellington,Talks in Wellington,,,internal,,,extend\n" +
            "cp-2,phone_call,2025-07-09,2025-07-09,completed,Chủ tịch nước,Lương Cường,,NZL,Christopher Luxon,Prime Minister,,Call with Wellington,,,internal,,\n" +
            "cp-3,bilateral_meeting,2025-09-15,2025-09-15,completed,Prime Minister,Phạm Minh Chính,,NZL,Christopher Luxon,Prime Minister,,Secret talks with Luxon,,,secret,,,extend\n";
        var (imported, outcome) = await ActivityDataset.ImportAsync(admin, csv);
        imported.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        var luxon = (await admin.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=christopher%20luxon&side=foreign", Ct))!.Items.Single();
        var viewer = await fixture.App.UserClientAsync("counterpart-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var seenByAdmin = await PageAsync(admin, $"/people/{luxon.Id}", Ct);
        var seenByViewer = await PageAsync(viewer, $"/people/{luxon.Id}", Ct);

        var meetings = Between(seenByAdmin, "Các cuộc gặp, làm việc với nhân vật này", "</section>");
        meetings.IndexOf("Secret talks with Luxon", StringComparison.Ordinal)
            .ShouldBeLessThan(meetings.IndexOf("Call with Wellington", StringComparison.Ordinal));
        meetings.IndexOf("Call with Wellington", StringComparison.Ordinal)
            .ShouldBeLessThan(meetings.IndexOf("Talks in Wellington", StringComparison.Ordinal));
        meetings.ShouldContain("Lương Cường"); // who met them
        var viewerMeetings = Between(seenByViewer, "Các cuộc gặp, làm việc với nhân vật này", "</section>");
        viewerMeetings.ShouldContain("Call with Wellington");
        viewerMeetings.ShouldContain("Talks in Wellington");
        viewerMeetings.ShouldNotContain("Secret talks");
        viewerMeetings.ShouldContain("2 hoạt động");
        seenByViewer.ShouldNotContain($"href=\"/people/{luxon.Id}/edit\""); // a viewer is offered no edit
    }

    [Fact]
    public async Task A_counterpart_met_many_times_has_their_meetings_a_page_at_a_time()
    {
        var admin = await fixture.App.AdminClientAsync();
        var rows = Enumerable.Range(1, 23).Select(i =>
            $"pg-{i},phone_call,2024-01-{i:00},2024-01-{i:00},completed,Prime Minister,Phạm Minh Chính,,SGP,Lawrence Wong,Prime Minister,,Paged call {i:00},,,internal,,,extend");
        var (imported, _) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + ",leader_office_change\n" + string.Join("\n", rows) + "\n");
        imported.IsSuccessStatusCode.ShouldBeTrue();
        var wong = (await admin.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=lawrence%20wong", Ct))!.Items.Single();

        var first = await PageAsync(admin, $"/people/{wong.Id}", Ct);
        var second = await PageAsync(admin, $"/people/{wong.Id}?page=2", Ct);

        first.ShouldContain("Paged call 23");
        first.ShouldContain("Paged call 04");
        first.ShouldNotContain("Paged call 03");
        second.ShouldContain("Paged call 03");
        second.ShouldContain("Paged call 01");
        second.ShouldNotContain("Paged call 04");
        first.ShouldContain("23 hoạt động");
    }

    private static async Task<PersonDetail> CreateAsync(HttpClient client, string name, params string[] titles)
    {
        var offices = titles.Select((t, i) => new PersonOfficePeriod(null, null, t, new DateOnly(2024 + i, 1, 1), null)).ToList();
        var response = await client.PostAsJsonAsync("/api/v1/people", new PersonInput(name, null, "foreign", null, null, offices, null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<PersonDetail>(Ct))!;
    }
}

public sealed class PersonFormTestsOnSqlite(SqliteApp fixture) : PersonFormTests(fixture), IClassFixture<SqliteApp>;

public sealed class PersonFormTestsOnPostgres(PostgresApp fixture) : PersonFormTests(fixture), IClassFixture<PostgresApp>;
