using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Agreements;

/// <summary>What the agreements add to other modules' pages: on an activity, the agreements signed there and
/// the gap to the announced count ("2 of 3"); on a partner, the agreements in force.</summary>
public abstract class AgreementSectionTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ActivityAsync(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/v1/activities", new ActivityInput(null, "incoming_visit", null, "completed",
            new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 13), title, "Hà Nội", "state", null, null, null, null, null, null, null, [], null, null, null,
            [new ActivityLegInput("CHN", null, null, null)], null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!.Id;
    }

    [Fact]
    public async Task The_activity_page_lists_what_was_signed_there_and_the_gap_to_the_announced_count()
    {
        var client = await fixture.App.AdminClientAsync();
        var activity = await ActivityAsync(client, "Chuyến thăm Lynx");
        (await client.PutAsJsonAsync($"/api/v1/agreements/packages/{activity}", new PackageInput(3, "https://example.org/package"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var n in new[] { 1, 2 })
            (await client.PostAsJsonAsync("/api/v1/agreements",
                AgreementApiTests.Input($"pkg-{n}", $"Bản ghi nhớ Lynx số {n}", null, ["CHN"], "2023-12-12") with { ActivityId = activity }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

        var state = await client.GetFromJsonAsync<PackageState>($"/api/v1/agreements/packages/{activity}", Ct);
        state!.Entered.ShouldBe(2);
        state.AnnouncedCount.ShouldBe(3);
        var page = await PageAsync(client, $"/activities/{activity}", Ct);
        var section = Between(page, "id=\"agreements\"", "</section>");
        section.ShouldContain("Đã nhập 2 trên 3 văn kiện được công bố");
        section.ShouldContain("Bản ghi nhớ Lynx số 1");
        section.ShouldContain("Bản ghi nhớ Lynx số 2");
    }

    [Fact]
    public async Task The_announced_count_is_set_through_the_activity_pages_form()
    {
        var client = await fixture.App.AdminClientAsync();
        var activity = await ActivityAsync(client, "Chuyến thăm Ibis");
        var page = await PageAsync(client, $"/activities/{activity}", Ct);

        var response = await client.PostAsync($"/activities/{activity}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signing-package", ["__RequestVerificationToken"] = Token(page), ["Package.AnnouncedCount"] = "36", ["Package.Source"] = "",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        (await PageAsync(client, $"/activities/{activity}", Ct)).ShouldContain("Đã nhập 0 trên 36 văn kiện được công bố");
    }

    [Fact]
    public async Task The_partner_page_shows_the_agreements_in_force_only()
    {
        var client = await fixture.App.AdminClientAsync();
        (await client.PostAsJsonAsync("/api/v1/agreements", AgreementApiTests.Input("ptn-1", "Hiệp định Heron đang hiệu lực", null, ["MNG"], "2019-01-01", "agreement", "in_force"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/agreements", AgreementApiTests.Input("ptn-2", "Bản ghi nhớ Heron mới ký", null, ["MNG"], "2024-01-01"), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await PageAsync(client, "/partners/MNG", Ct);
        var section = Between(page, "partner-agreements", "</section>");
        section.ShouldContain("Hiệp định Heron đang hiệu lực");
        section.ShouldNotContain("Bản ghi nhớ Heron mới ký");
    }
}

public sealed class AgreementSectionTestsOnSqlite(SqliteApp fixture) : AgreementSectionTests(fixture), IClassFixture<SqliteApp>;

public sealed class AgreementSectionTestsOnPostgres(PostgresApp fixture) : AgreementSectionTests(fixture), IClassFixture<PostgresApp>;
