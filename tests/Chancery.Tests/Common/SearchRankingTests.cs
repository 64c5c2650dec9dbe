using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Security;
using Chancery.Web.People;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Common;

/// <summary>The search box finds what is meant: a partner and its activities by its name in either
/// language without diacritics, whole words rather than shared letters, the best match first, results
/// grouped by kind with a heading, a count and a link to the module's list.</summary>
public abstract class SearchRankingTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Csv = ActivityDataset.Header + "\n" +
        // Named neither "Japan" nor "Nhật Bản": found through its country.
        "sr-jp,bilateral_meeting,2025-03-04,2025-03-04,completed,Prime Minister,Phạm Minh Chính,,JPN,,,Tokyo,Hội đàm cấp cao tại Tokyo,,,internal,,\n" +
        "sr-kr,bilateral_meeting,2025-04-05,2025-04-05,completed,Prime Minister,Phạm Minh Chính,,KOR,,,Seoul,Talks in Seoul,,,internal,,\n" +
        // Letters of "han" and the word "quốc", but nothing about Korea.
        "sr-x1,working_visit,2025-05-06,2025-05-07,completed,Prime Minister,Phạm Minh Chính,outgoing,LAO,,,Vientiane,Khánh thành nhà máy Thanh Hóa,,,internal,,\n" +
        "sr-x2,working_visit,2025-06-07,2025-06-08,completed,Prime Minister,Phạm Minh Chính,outgoing,CHN,,,Beijing,Thanh tra hành chính quốc gia,,,internal,,\n" +
        // A secret activity with Japan, whose title an internal reader must never see.
        "sr-sec,bilateral_meeting,2025-07-08,2025-07-08,completed,Prime Minister,Phạm Minh Chính,,JPN,,,,Mật đàm Osaka,,,secret,,\n";

    private async Task<HttpClient> AdminWithDataAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
        return admin;
    }

    private static async Task<IReadOnlyList<SearchHit>> HitsAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<ListResult<SearchHit>>("/api/v1/search?q=" + Uri.EscapeDataString(q), Ct))!.Items;

    [Theory]
    [InlineData("nhat ban")]
    [InlineData("Japan")]
    [InlineData("NHẬT BẢN")]
    public async Task A_partner_is_found_first_by_its_name_in_either_language_with_its_activities(string q)
    {
        var admin = await AdminWithDataAsync();

        var hits = await HitsAsync(admin, q);

        hits.First().Url.ShouldBe("/partners/JPN");
        hits.ShouldContain(h => h.Title == "Hội đàm cấp cao tại Tokyo" && h.Url.StartsWith("/activities/"));
        hits.ShouldNotContain(h => h.Title == "Talks in Seoul");
    }

    [Fact]
    public async Task Han_quoc_finds_korea_and_its_activities_but_not_activities_that_merely_share_letters()
    {
        var admin = await AdminWithDataAsync();

        var hits = await HitsAsync(admin, "han quoc");
        var listed = await admin.GetFromJsonAsync<ListResult<ActivityListItemTitle>>("/api/v1/activities?q=han%20quoc&pageSize=200", Ct);

        hits.First().Url.ShouldBe("/partners/KOR");
        hits.ShouldContain(h => h.Title == "Talks in Seoul");
        hits.ShouldNotContain(h => h.Title == "Khánh thành nhà máy Thanh Hóa");
        hits.ShouldNotContain(h => h.Title == "Thanh tra hành chính quốc gia");
        // The activities list, where "see all" leads, finds the same.
        listed!.Items.Select(i => i.Title).ShouldContain("Talks in Seoul");
        listed.Items.Select(i => i.Title).ShouldNotContain("Thanh tra hành chính quốc gia");
    }

    [Fact]
    public async Task A_name_equal_to_the_query_comes_before_one_starting_with_it_before_one_containing_it()
    {
        var admin = await fixture.App.AdminClientAsync();
        // Alphabetically the reverse of what is meant.
        foreach (var name in new[] { "Alpha Vexo Beta Lumi", "Anh Vexo Lumi", "Vexo Lumi Zed", "Vexo Lumi", "Vexolumi Nope" })
            (await admin.PostAsJsonAsync("/api/v1/people", new PersonInput(name, null, "foreign", null, null, null, null), Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var people = (await HitsAsync(admin, "vexo lumi")).Where(h => h.Url.StartsWith("/people/")).Select(h => h.Title);

        people.ShouldBe(["Vexo Lumi", "Vexo Lumi Zed", "Anh Vexo Lumi", "Alpha Vexo Beta Lumi"]);
    }

    [Fact]
    public async Task Results_are_grouped_by_kind_with_a_heading_a_count_and_a_link_to_the_filtered_list_in_either_language()
    {
        var admin = await AdminWithDataAsync();

        var vi = await PageAsync(admin, "/search?q=nhat%20ban", Ct);
        var en = await PageAsync(admin, "/search?q=nhat%20ban&culture=en", Ct);

        var partnersVi = Between(vi, "<h2>Đối tác", "</section>");
        partnersVi.ShouldContain("Nhật Bản");
        partnersVi.ShouldContain("href=\"/partners?q=nhat%20ban\"");
        var activitiesVi = Between(vi, "<h2>Hoạt động đối ngoại", "</section>");
        activitiesVi.ShouldContain("Hội đàm cấp cao tại Tokyo");
        activitiesVi.ShouldContain("href=\"/activities?q=nhat%20ban\"");
        activitiesVi.ShouldContain("Xem tất cả");
        vi.IndexOf("<h2>Đối tác", StringComparison.Ordinal).ShouldBeLessThan(vi.IndexOf("<h2>Hoạt động đối ngoại", StringComparison.Ordinal));

        Between(en, "<h2>Partners", "</section>").ShouldContain("Japan");
        Between(en, "<h2>Activities", "</section>").ShouldContain("See all");
        en.ShouldNotContain("Đối tác");
        // The count is the number of partners found (all listed: there are few).
        var listed = System.Text.RegularExpressions.Regex.Matches(partnersVi, "<li>").Count;
        listed.ShouldBeGreaterThan(0);
        Between(vi, "<h2>Đối tác", "</h2>").ShouldContain($"<span class=\"count\">{listed}</span>");
    }

    [Fact]
    public async Task A_secret_activitys_title_never_appears_for_an_internal_reader()
    {
        var admin = await AdminWithDataAsync();
        var viewer = await fixture.App.UserClientAsync("search-ranking-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        (await HitsAsync(admin, "japan")).ShouldContain(h => h.Title == "Mật đàm Osaka");
        (await HitsAsync(viewer, "japan")).ShouldNotContain(h => h.Title == "Mật đàm Osaka");
        (await HitsAsync(viewer, "osaka")).ShouldBeEmpty();
        (await PageAsync(viewer, "/search?q=japan", Ct)).ShouldNotContain("Mật đàm Osaka");
    }

    private sealed record ActivityListItemTitle(string? Title);
}

public sealed class SearchRankingTestsOnSqlite(SqliteApp fixture) : SearchRankingTests(fixture), IClassFixture<SqliteApp>;

public sealed class SearchRankingTestsOnPostgres(PostgresApp fixture) : SearchRankingTests(fixture), IClassFixture<PostgresApp>;
