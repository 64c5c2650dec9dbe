using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.People;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Activities;

/// <summary>The People pages and API: a leader found without diacritics, their offices over time and
/// the activities they led; an editor adds an office period.</summary>
public abstract class PeoplePagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Csv = ActivityDataset.Header + "\n" +
        "pp-1,working_visit,2025-04-01,2025-04-02,completed,Deputy Prime Minister,Đặng Thị Thử,outgoing,LAO,,,Vientiane,Deputy's visit to Laos,,,,,\n" +
        "pp-2,phone_call,2025-05-05,2025-05-05,completed,Deputy Prime Minister,Đặng Thị Thử,,THA,,,,Deputy's call with Bangkok,,,,,\n" +
        // A person of their own for the editing test, so its new office never changes what the other test reads.
        "pp-3,working_visit,2025-04-10,2025-04-11,completed,Deputy Prime Minister,Ngô Thị Thử,outgoing,KHM,,,Phnom Penh,Deputy's visit to Cambodia,,,,,\n";

    [Fact]
    public async Task A_leader_is_found_without_diacritics_and_their_page_shows_offices_and_activities()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportAsync(client);

        var list = await client.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=dang%20thi%20thu&side=domestic", Ct);
        var person = list!.Items.ShouldHaveSingleItem();
        person.CurrentTier.ShouldBe(2); // a deputy prime minister
        var html = await PageAsync(client, $"/people/{person.Id}", Ct);

        html.ShouldContain("Phó Thủ tướng");
        html.ShouldContain("01/04/2025"); // the office observed from the first record…
        html.ShouldContain("05/05/2025"); // …to the last
        var activities = html[html.IndexOf("Hoạt động đã chủ trì", StringComparison.Ordinal)..];
        activities.IndexOf("Deputy's call with Bangkok", StringComparison.Ordinal)
            .ShouldBeLessThan(activities.IndexOf("Deputy's visit to Laos", StringComparison.Ordinal)); // latest first
        (await PageAsync(client, "/people?q=dang%20thi%20thu", Ct)).ShouldContain($"href=\"/people/{person.Id}\"");
    }

    [Fact]
    public async Task An_editor_adds_a_free_text_title_period_and_an_empty_one_is_refused()
    {
        var client = await fixture.App.AdminClientAsync();
        await ImportAsync(client);
        var id = (await client.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=ngo%20thi%20thu", Ct))!.Items.Single().Id;
        var url = $"/people/{id}";
        var token = Token(await PageAsync(client, url, Ct));

        var refused = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "office", ["__RequestVerificationToken"] = token, ["Office.OfficeId"] = "", ["Office.Title"] = "", ["Office.From"] = "2025-06-01",
        }), Ct);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Hãy chọn chức vụ hoặc ghi chức danh.");

        var added = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "office", ["__RequestVerificationToken"] = token, ["Office.OfficeId"] = "", ["Office.Title"] = "Special Envoy",
            ["Office.From"] = "2025-06-01", ["Office.To"] = "",
        }), Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await client.GetFromJsonAsync<PersonDetail>($"/api/v1/people/{id}", Ct);
        var envoy = detail!.Offices.Single(o => o.Title == "Special Envoy");
        envoy.From.ShouldBe(new DateOnly(2025, 6, 1));
        envoy.To.ShouldBeNull();
        envoy.Tier.ShouldBeNull(); // a free-text title carries no rank
        (await PageAsync(client, url, Ct)).ShouldContain("đương nhiệm");
    }

    private static async Task ImportAsync(HttpClient client)
    {
        var (response, outcome) = await ActivityDataset.ImportAsync(client, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
    }
}

public sealed class PeoplePagesTestsOnSqlite(SqliteApp fixture) : PeoplePagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class PeoplePagesTestsOnPostgres(PostgresApp fixture) : PeoplePagesTests(fixture), IClassFixture<PostgresApp>;
