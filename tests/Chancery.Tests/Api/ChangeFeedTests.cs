using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Tests.Api;

/// <summary>The change feed as another system keeping in sync reads it.</summary>
public sealed class ChangeFeedTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ActivityInput Input(string title, string classification, int? version = null) => new(
        ExternalRef: null, Kind: "phone_call", Direction: null, Status: "completed", DateStart: new DateOnly(2025, 5, 12), DateEnd: null,
        Title: title, HostOrVenue: null, Channel: null, LeadPersonId: null, LeaderRoleText: null, CounterpartPersonId: null,
        CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null, Themes: null, Sources: null, Notes: null,
        Classification: classification, Legs: [new ActivityLegInput("FRA", null, null, null)], Version: version);

    /// <summary>Reads the whole feed from <paramref name="since"/>, page by page, as a client would.</summary>
    private async Task<(List<JsonElement> Changes, long End)> ReadAllAsync(HttpClient client, long since, int limit = 1000)
    {
        // The feed lists sealed entries; seal now rather than wait for the timer.
        (await (await fixture.App.AdminClientAsync()).PostAsync("/api/v1/audit/chain/seal", null, Ct)).EnsureSuccessStatusCode();
        var changes = new List<JsonElement>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?since={since}&limit={limit}", Ct);
            changes.AddRange(page.GetProperty("changes").EnumerateArray());
            since = page.GetProperty("next").GetInt64();
            if (!page.GetProperty("more").GetBoolean()) return (changes, since);
        }
    }

    [Fact]
    public async Task A_reader_follows_creations_and_updates_in_order_with_the_records_addresses_and_nothing_above_their_clearance()
    {
        var admin = await fixture.App.AdminClientAsync();
        await fixture.App.CreateUserAsync("feed.reader@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var reader = await fixture.App.ClientForAsync("feed.reader@test.local", ChanceryAppFactory.UserPassword);
        var (_, start) = await ReadAllAsync(reader, 0);

        var open = (await (await admin.PostAsJsonAsync("/api/v1/activities", Input("Feed call", "internal"), Ct)).Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        var secret = (await (await admin.PostAsJsonAsync("/api/v1/activities", Input("Feed secret call", "confidential"), Ct)).Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        (await admin.PutAsJsonAsync($"/api/v1/activities/{open.Id}", Input("Feed call (changed)", "internal", open.Version), Ct)).EnsureSuccessStatusCode();
        var (seen, end) = await ReadAllAsync(reader, start);
        var (adminSeen, _) = await ReadAllAsync(admin, start);

        var activities = seen.Where(c => c.GetProperty("type").GetString() == "activity").ToList();
        activities.Select(c => (c.GetProperty("key").GetString(), c.GetProperty("action").GetString()))
            .ShouldBe([(open.Id.ToString(), "created"), (open.Id.ToString(), "updated")]);
        activities[0].GetProperty("href").GetString().ShouldBe($"/api/v1/activities/{open.Id}");
        activities[0].GetProperty("cursor").GetInt64().ShouldBeLessThan(activities[1].GetProperty("cursor").GetInt64());
        adminSeen.ShouldContain(c => c.GetProperty("key").GetString() == secret.Id.ToString() && c.GetProperty("type").GetString() == "activity");
        seen.ShouldNotContain(c => c.GetProperty("key").GetString() == secret.Id.ToString() && c.GetProperty("type").GetString() == "activity");
        (await ReadAllAsync(reader, end)).Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_continue_from_their_cursor_and_accounts_stay_out_of_the_feed()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (_, start) = await ReadAllAsync(admin, 0);
        for (var i = 0; i < 3; i++)
            (await admin.PostAsJsonAsync("/api/v1/activities", Input($"Paged call {i}", "internal"), Ct)).EnsureSuccessStatusCode();
        await fixture.App.CreateUserAsync("feed.account@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var (paged, _) = await ReadAllAsync(admin, start, limit: 1);
        var (whole, _) = await ReadAllAsync(admin, start);

        paged.Select(c => c.GetProperty("cursor").GetInt64()).ShouldBe(whole.Select(c => c.GetProperty("cursor").GetInt64()));
        whole.Count(c => c.GetProperty("type").GetString() == "activity" && c.GetProperty("action").GetString() == "created").ShouldBe(3);
        whole.Select(c => c.GetProperty("type").GetString()).ShouldAllBe(t => t == "activity" || t == "person" || t == "partner");
    }

    [Theory]
    [InlineData("since=-1", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    public async Task A_cursor_or_limit_out_of_range_is_a_400_naming_it(string query, string parameter)
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync($"/api/v1/changes?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Agreements_directives_and_their_tasks_are_in_the_feed_with_their_api_addresses()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (_, start) = await ReadAllAsync(admin, 0);

        var agreement = await admin.PostAsJsonAsync("/api/v1/agreements",
            Agreements.AgreementApiTests.Input("feed-ag-1", "Bản ghi nhớ thử nguồn thay đổi", null, ["JPN"]), Ct);
        agreement.StatusCode.ShouldBe(HttpStatusCode.Created, await agreement.Content.ReadAsStringAsync(Ct));
        var agreementId = (await agreement.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var directive = await admin.PostAsJsonAsync("/api/v1/directives", new
        {
            number = "99/TB-FEED", date = "2025-01-06", issuer = "Thủ tướng Chính phủ", title = "Feed directive", classification = "internal",
            tasks = new object[] { new { title = "Feed task", leadUnit = "MOFA-ECON", deadline = "2025-03-31" } },
        }, Ct);
        directive.StatusCode.ShouldBe(HttpStatusCode.Created, await directive.Content.ReadAsStringAsync(Ct));
        var directiveId = (await directive.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var (seen, _) = await ReadAllAsync(admin, start);

        seen.ShouldContain(c => c.GetProperty("type").GetString() == "agreement" && c.GetProperty("action").GetString() == "created"
            && c.GetProperty("href").GetString() == $"/api/v1/agreements/{agreementId}");
        seen.ShouldContain(c => c.GetProperty("type").GetString() == "directive" && c.GetProperty("href").GetString() == $"/api/v1/directives/{directiveId}");
        var task = seen.First(c => c.GetProperty("type").GetString() == "task");
        (await admin.GetAsync(task.GetProperty("href").GetString(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
