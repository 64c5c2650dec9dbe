using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.People;
using Microsoft.AspNetCore.Mvc.Testing;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Home;

/// <summary>The home page as a signed-in reader sees it on Wednesday 11 June 2025 (a stopped clock):
/// the followed leaders' weeks, the default to the tier-1 leaders, the follow button, this month's
/// round anniversaries, the unit's recent changes within the reader's clearance, and counts that match
/// the lists they link to.</summary>
public abstract partial class HomePageTests(ClockedAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // This week is Monday 9 to Sunday 15 June 2025. Two deputy prime ministers (tier 2) and a prime
    // minister (tier 1) lead activities in it; one of the followed leader's is secret.
    private const string Csv = ActivityDataset.Header + "\n" +
        "hp-a,phone_call,2025-06-12,2025-06-12,planned,Deputy Prime Minister,Trịnh Văn Theo,,JPN,,,,Followed leader's call with Tokyo,,,,,\n" +
        "hp-a2,working_visit,2025-06-18,2025-06-19,planned,Deputy Prime Minister,Trịnh Văn Theo,outgoing,LAO,,,Vientiane,Followed leader's visit next week,,,,,\n" +
        "hp-a0,working_visit,2025-05-05,2025-05-06,completed,Deputy Prime Minister,Trịnh Văn Theo,outgoing,KHM,,,Phnom Penh,Followed leader's visit last month,,,,,\n" +
        "hp-s,phone_call,2025-06-14,2025-06-14,planned,Deputy Prime Minister,Trịnh Văn Theo,,CHN,,,,Followed leader's secret call,,,secret,,\n" +
        "hp-b,bilateral_meeting,2025-06-13,2025-06-13,planned,Deputy Prime Minister,Hồ Thị Khác,,THA,,,Hanoi,Unfollowed leader's meeting,,,,,\n" +
        "hp-c,phone_call,2025-06-10,2025-06-10,completed,Prime Minister,Võ Văn Đầu,,KOR,,,,Prime Minister's call this week,,,,,\n";

    [Fact]
    public async Task A_followed_leaders_activities_this_week_and_next_appear_and_an_unfollowed_ones_do_not()
    {
        var reader = await ReaderAsync("follower@test.local");
        var followed = await PersonIdAsync(reader, "trinh van theo");
        var personPage = await PageAsync(reader, $"/people/{followed}", Ct);
        Between(personPage, "class=\"follow-section\"", "</section>").ShouldContain("Theo dõi");

        var posted = await PostFollowAsync(reader, Token(personPage), followed, follow: true, $"/people/{followed}");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe($"/people/{followed}");
        Between(await PageAsync(reader, $"/people/{followed}", Ct), "class=\"follow-section\"", "</section>").ShouldContain("Bỏ theo dõi");
        var agenda = Agenda(await PageAsync(reader, "/", Ct));
        agenda.ShouldContain("Followed leader's call with Tokyo");   // this week
        agenda.ShouldContain("Followed leader's visit next week");   // a coming week
        agenda.ShouldNotContain("Followed leader's visit last month");
        agenda.ShouldNotContain("Followed leader's secret call");    // above an internal reader's clearance
        agenda.ShouldNotContain("Unfollowed leader's meeting");
        agenda.ShouldNotContain("Prime Minister's call this week");  // no longer the default
        agenda.ShouldNotContain("class=\"notice default-leaders\"");
        Agenda(await PageAsync(reader, "/", Ct)).IndexOf("Followed leader's call with Tokyo", StringComparison.Ordinal)
            .ShouldBeLessThan(agenda.IndexOf("Tuần sau", StringComparison.Ordinal));

        // Unfollowing from the home page's own list brings the default back.
        var home = await PageAsync(reader, "/", Ct);
        (await PostFollowAsync(reader, Token(home), followed, follow: false, "/#follow")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = Agenda(await PageAsync(reader, "/", Ct));
        after.ShouldNotContain("Followed leader's call with Tokyo");
        after.ShouldContain("Prime Minister's call this week");
    }

    [Fact]
    public async Task A_reader_who_follows_nobody_sees_the_tier_1_leaders_and_is_told_so_with_a_link_to_choose()
    {
        var reader = await ReaderAsync("newcomer@test.local");

        var html = await PageAsync(reader, "/", Ct);

        var agenda = Agenda(html);
        agenda.ShouldContain("Bạn chưa theo dõi lãnh đạo nào");
        agenda.ShouldContain("href=\"#follow\"");
        agenda.ShouldContain("Prime Minister's call this week");
        agenda.ShouldNotContain("Followed leader's call with Tokyo"); // a deputy (tier 2)
        agenda.ShouldNotContain("Unfollowed leader's meeting");
        var panel = Between(html, "id=\"follow\"", "</section>");
        panel.ShouldContain("Võ Văn Đầu");
        panel.ShouldNotContain("Trịnh Văn Theo");
    }

    [Fact]
    public async Task The_add_a_leader_search_finds_a_leader_without_diacritics_and_offers_to_follow_them()
    {
        var reader = await ReaderAsync("searcher@test.local");

        var panel = Between(await PageAsync(reader, "/?q=ho%20thi%20khac", Ct), "id=\"follow\"", "</section>");

        var found = Between(panel, "class=\"leader-list found\"", "</ul>");
        found.ShouldContain("Hồ Thị Khác");
        found.ShouldContain($"name=\"PersonId\" value=\"{await PersonIdAsync(reader, "ho thi khac")}\"");
        found.ShouldNotContain("Trịnh Văn Theo");
    }

    [Fact]
    public async Task A_round_anniversary_of_a_framework_this_month_appears_in_the_readers_language()
    {
        var admin = await fixture.App.AdminClientAsync();
        await AddEventAsync(admin, "URY", "strategic", "2015-06");        // 10 years this June
        await AddEventAsync(admin, "URY", "comprehensive", "2010");       // 15 years, but in which month?
        await AddEventAsync(admin, "PER", "comprehensive", "2013-06-05"); // 12 years: not round
        await AddEventAsync(admin, "PER", "strategic", "2015-07-01");     // 10 years next month
        await AddEventAsync(admin, "ECU", "comprehensive", "2020-06-20", "secret");
        var reader = await ReaderAsync("anniversaries@test.local");

        var vi = Between(await PageAsync(reader, "/", Ct), "class=\"home-anniversaries\"", "</section>");

        vi.ShouldContain("10 năm Đối tác chiến lược với U-ru-goay");
        vi.ShouldContain("href=\"/partners/URY\"");
        vi.ShouldNotContain("Đối tác toàn diện với U-ru-goay");
        vi.ShouldNotContain("Pê-ru");
        vi.ShouldNotContain("Ê-cu-a-đo"); // secret, and the reader is cleared for internal
        Between(await PageAsync(admin, "/", Ct), "class=\"home-anniversaries\"", "</section>")
            .ShouldContain("5 năm Đối tác toàn diện với Ê-cu-a-đo");
        var en = Between(await EnglishPageAsync(reader, "/"), "class=\"home-anniversaries\"", "</section>");
        en.ShouldContain("10 years of the strategic partnership with Uruguay");
        en.ShouldContain("Anniversaries this month");
    }

    [Fact]
    public async Task Recent_changes_show_an_edit_in_the_readers_unit_but_never_a_secret_records_change_to_an_internal_reader()
    {
        await fixture.App.CreateUserAsync("unit-editor@test.local", Roles.Officer, ClassificationLevel.Secret, "MOFA-ASIA1");
        await fixture.App.CreateUserAsync("other-editor@test.local", Roles.Officer, ClassificationLevel.Secret, "MOFA-AMER");
        await fixture.App.CreateUserAsync("unit-reader@test.local", Roles.Viewer, ClassificationLevel.Internal, "MOFA-ASIA1");
        var editor = await fixture.App.ClientForAsync("unit-editor@test.local", ChanceryAppFactory.UserPassword);
        var other = await fixture.App.ClientForAsync("other-editor@test.local", ChanceryAppFactory.UserPassword);
        var reader = await fixture.App.ClientForAsync("unit-reader@test.local", ChanceryAppFactory.UserPassword);

        var edited = await CreateActivityAsync(editor, "Unit's draft title", null);
        var update = await editor.PutAsJsonAsync($"/api/v1/activities/{edited.Id}", Visit("Unit's edited visit", null) with { Version = edited.Version }, Ct);
        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secret = await CreateActivityAsync(editor, "Unit's secret meeting", "secret");
        await CreateActivityAsync(other, "Other unit's work", null);

        var changes = Between(await PageAsync(reader, "/", Ct), "class=\"home-changes\"", "</section>");

        changes.ShouldContain("Thay đổi gần đây của Vụ Đông Bắc Á");
        changes.ShouldContain($"<a href=\"/activities/{edited.Id}\">Unit's edited visit</a>"); // named as its page names it
        changes.ShouldContain("Cập nhật · Hoạt động");
        changes.ShouldNotContain("Unit's secret meeting");
        changes.ShouldNotContain($"data-record=\"Activity-{secret.Id}\"");
        changes.ShouldNotContain("Other unit's work");
        // The secret change is in the trail: the editor, cleared for secret, sees it on their own home page.
        Between(await PageAsync(editor, "/", Ct), "class=\"home-changes\"", "</section>").ShouldContain("Unit's secret meeting");
    }

    [Fact]
    public async Task Recent_changes_are_the_units_ten_newest_across_its_members_newest_first()
    {
        await fixture.App.CreateUserAsync("merge-a@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-EURO");
        await fixture.App.CreateUserAsync("merge-b@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-EURO");
        await fixture.App.CreateUserAsync("merge-reader@test.local", Roles.Viewer, ClassificationLevel.Internal, "MOFA-EURO");
        var a = await fixture.App.ClientForAsync("merge-a@test.local", ChanceryAppFactory.UserPassword);
        var b = await fixture.App.ClientForAsync("merge-b@test.local", ChanceryAppFactory.UserPassword);
        var reader = await fixture.App.ClientForAsync("merge-reader@test.local", ChanceryAppFactory.UserPassword);

        // One member's older work, then eleven changes by the other, then the first member again.
        await CreateActivityAsync(a, "Europe's oldest visit", null);
        for (var i = 1; i <= 11; i++) await CreateActivityAsync(b, $"Europe's visit no. {i:00}", null);
        await CreateActivityAsync(a, "Europe's newest visit", null);

        var changes = Between(await PageAsync(reader, "/", Ct), "class=\"home-changes\"", "</section>");

        changes.ShouldContain("Europe's newest visit");
        changes.IndexOf("Europe's newest visit", StringComparison.Ordinal).ShouldBeLessThan(changes.IndexOf("Europe's visit no. 11", StringComparison.Ordinal));
        changes.ShouldContain("Europe's visit no. 11");
        changes.ShouldNotContain("Europe's visit no. 01"); // at least ten newer changes came after it
        changes.ShouldNotContain("Europe's oldest visit");
    }

    [Fact]
    public async Task Each_count_links_to_a_list_whose_total_is_the_count()
    {
        var reader = await ReaderAsync("counter@test.local");

        var html = await PageAsync(reader, "/", Ct);

        var figures = Figure().Matches(html).ToDictionary(m => m.Groups["key"].Value,
            m => (Href: m.Groups["href"].Value, Count: int.Parse(Regex.Replace(m.Groups["n"].Value, "[^0-9]", ""), System.Globalization.CultureInfo.InvariantCulture)));
        figures.Keys.ShouldBe(["ActivitiesThisYear", "ComingThisWeek", "Partners", "TopLevelPartners", "People"], ignoreOrder: true);
        foreach (var (key, (href, count)) in figures)
        {
            var list = await reader.GetFromJsonAsync<ListResult<System.Text.Json.JsonElement>>("/api/v1" + href, Ct);
            list!.Total.ShouldBe(count, $"{key}: {href}");
        }
        // Starting from today (Wednesday) to Sunday, as an internal reader: the calls on the 12th and the
        // meeting on the 13th; not the 10th (already past), nor the secret call on the 14th.
        figures["ComingThisWeek"].Count.ShouldBe(2);
        figures["ComingThisWeek"].Href.ShouldBe("/activities?from=2025-06-11&to=2025-06-15&exactTotal=true");
        figures["ActivitiesThisYear"].Href.ShouldBe("/activities?from=2025-01-01&to=2025-12-31&exactTotal=true");
        figures["ActivitiesThisYear"].Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Following_an_unknown_person_answers_404_and_following_twice_is_one_following()
    {
        var reader = await ReaderAsync("twice@test.local");
        var id = await PersonIdAsync(reader, "ho thi khac");

        (await reader.PutAsync($"/api/v1/me/following/{id}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PutAsync($"/api/v1/me/following/{id}", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PutAsync("/api/v1/me/following/999999", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var leaders = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/following", Ct);
        leaders.GetProperty("chosen").GetBoolean().ShouldBeTrue();
        leaders.GetProperty("leaders").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()).ShouldBe([id]);
    }

    private async Task<HttpClient> ReaderAsync(string email)
    {
        await ImportAsync();
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        return await fixture.App.ClientForAsync(email, ChanceryAppFactory.UserPassword);
    }

    private async Task ImportAsync()
    {
        var (response, outcome) = await ActivityDataset.ImportAsync(await fixture.App.AdminClientAsync(), Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
    }

    private static async Task<int> PersonIdAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<ListResult<PersonListItem>>($"/api/v1/people?q={Uri.EscapeDataString(q)}", Ct))!.Items.Single().Id;

    private static Task<HttpResponseMessage> PostFollowAsync(HttpClient client, string token, int personId, bool follow, string returnUrl) =>
        client.PostAsync("/following", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["PersonId"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Follow"] = follow ? "true" : "false", ["ReturnUrl"] = returnUrl,
        }), Ct);

    private static string Agenda(string html) => Between(html, "class=\"home-agenda\"", "</section>");

    private static async Task AddEventAsync(HttpClient admin, string code, string level, string date, string? classification = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/partners/{code}/events",
            new { level, establishedDate = date, classification }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The page in English: the culture cookie the language switch sets, on a client of the same user.</summary>
    private async Task<string> EnglishPageAsync(HttpClient signedIn, string url)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        return WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
    }

    private static ActivityInput Visit(string title, string? classification) => new(
        ExternalRef: null, Kind: "official_visit", Direction: null, Status: null, DateStart: new DateOnly(2025, 5, 20), DateEnd: new DateOnly(2025, 5, 21),
        Title: title, HostOrVenue: "Seoul", Channel: null, LeadPersonId: null, LeaderRoleText: "Thủ tướng",
        CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null,
        Themes: null, Sources: null, Notes: null, Classification: classification,
        Legs: [new("KOR", "Seoul", null, null)], Version: null);

    private static async Task<ActivityDetail> CreateActivityAsync(HttpClient client, string title, string? classification)
    {
        var response = await client.PostAsJsonAsync("/api/v1/activities", Visit(title, classification), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
    }

    [GeneratedRegex("<a class=\"card\" href=\"(?<href>[^\"]+)\" id=\"figure-(?<key>\\w+)\">\\s*<span class=\"card-number\">(?<n>[^<]+)</span>")]
    private static partial Regex Figure();
}

public sealed class HomePageTestsOnSqlite(ClockedSqliteApp fixture) : HomePageTests(fixture), IClassFixture<ClockedSqliteApp>;

public sealed class HomePageTestsOnPostgres(ClockedPostgresApp fixture) : HomePageTests(fixture), IClassFixture<ClockedPostgresApp>;
