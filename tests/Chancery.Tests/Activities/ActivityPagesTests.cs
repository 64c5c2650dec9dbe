using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Activities;

/// <summary>The Activities pages as HTML (Vietnamese, the default), requested with a bearer token.
/// Each test imports its own records under its own leader so the shared database does not matter.</summary>
public abstract partial class ActivityPagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
}

public sealed class ActivityPagesTestsOnSqlite(SqliteApp fixture) : ActivityPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityPagesTestsOnPostgres(PostgresApp fixture) : ActivityPagesTests(fixture), IClassFixture<PostgresApp>;
