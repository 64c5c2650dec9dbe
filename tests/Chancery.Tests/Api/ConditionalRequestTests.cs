using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;

namespace Chancery.Tests.Api;

/// <summary>ETags, 304, HEAD and If-Match as an integration that re-reads often and edits safely meets them.</summary>
public sealed class ConditionalRequestTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ActivityInput Input(string title, int? version) => new(
        ExternalRef: null, Kind: "phone_call", Direction: null, Status: "completed", DateStart: new DateOnly(2025, 4, 7), DateEnd: null,
        Title: title, HostOrVenue: null, Channel: null, LeadPersonId: null, LeaderRoleText: null, CounterpartPersonId: null,
        CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null, Themes: null, Sources: null, Notes: null,
        Classification: null, Legs: [new ActivityLegInput("KOR", null, null, null)], Version: version);

    private async Task<(HttpClient Admin, ActivityDetail Created)> CreateAsync(string title)
    {
        var admin = await fixture.App.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/activities", Input(title, null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (admin, (await response.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_record_carries_an_etag_with_its_version_and_answers_304_until_it_changes()
    {
        var (admin, created) = await CreateAsync("Etag call " + Guid.NewGuid().ToString("N")[..6]);
        var url = $"/api/v1/activities/{created.Id}";

        var first = await GetAsync(admin, url);
        var tag = first.Headers.ETag!.ToString();
        var again = await GetAsync(admin, url, tag);
        (await admin.PutAsJsonAsync(url, Input(created.Title + " (changed)", created.Version), Ct)).EnsureSuccessStatusCode();
        var afterChange = await GetAsync(admin, url, tag);

        tag.ShouldStartWith($"\"{created.Version}-");
        first.Headers.CacheControl!.Private.ShouldBeTrue();
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
        afterChange.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterChange.Headers.ETag!.ToString().ShouldNotBe(tag);
        (await afterChange.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!.Title.ShouldEndWith("(changed)");
    }

    [Fact]
    public async Task A_list_answers_304_to_its_own_etag_and_200_when_another_filter_is_asked()
    {
        var (admin, _) = await CreateAsync("List etag " + Guid.NewGuid().ToString("N")[..6]);

        var first = await GetAsync(admin, "/api/v1/activities?partner=KOR");
        var same = await GetAsync(admin, "/api/v1/activities?partner=KOR", first.Headers.ETag!.ToString());
        var other = await GetAsync(admin, "/api/v1/activities?partner=JPN", first.Headers.ETag!.ToString());

        same.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_the_body()
    {
        var (admin, created) = await CreateAsync("Head call " + Guid.NewGuid().ToString("N")[..6]);
        var url = $"/api/v1/activities/{created.Id}";

        var get = await GetAsync(admin, url);
        var head = await GetAsync(admin, url, method: HttpMethod.Head);
        var page = await GetAsync(admin, "/", method: HttpMethod.Head);
        var missing = await GetAsync(admin, "/api/v1/activities/987654", method: HttpMethod.Head);

        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.ETag.ShouldBe(get.Headers.ETag);
        head.Content.Headers.ContentLength.ShouldBe((await get.Content.ReadAsByteArrayAsync(Ct)).Length);
        (await head.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_Match_with_the_records_etag_stands_for_the_version_field()
    {
        var (admin, created) = await CreateAsync("If-Match call " + Guid.NewGuid().ToString("N")[..6]);
        var url = $"/api/v1/activities/{created.Id}";
        var tag = (await GetAsync(admin, url)).Headers.ETag!.ToString();

        using var update = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Input("Matched update", null)) };
        update.Headers.TryAddWithoutValidation("If-Match", tag);
        var matched = await admin.SendAsync(update, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Input("Stale update", null)) };
        stale.Headers.TryAddWithoutValidation("If-Match", tag);
        var refused = await admin.SendAsync(stale, Ct);

        matched.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("current").GetProperty("title").GetString().ShouldBe("Matched update");
    }

    /// <summary>A second module's PUT (units: a record body of its own), so If-Match is not the activities' alone.</summary>
    [Fact]
    public async Task If_Match_stands_for_the_version_field_on_a_units_update_too()
    {
        var admin = await fixture.App.AdminClientAsync();
        var code = "IFM" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var created = await admin.PostAsJsonAsync("/api/v1/units", new Chancery.Web.Units.UnitRequest(code, "Vụ thử", "Test department", "department", null, null), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = (await created.Content.ReadFromJsonAsync<Chancery.Web.Units.UnitItem>(Ct))!;
        var url = $"/api/v1/units/{unit.Id}";
        // Units have no GET of one record: the tag is the version alone, as If-Match also takes it; the body's version is wrong on purpose.
        var tag = $"\"{unit.Version}\"";
        using var update = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new Chancery.Web.Units.UnitRequest(code, "Vụ thử 2", "Matched", "department", null, null, Version: 999)) };
        update.Headers.TryAddWithoutValidation("If-Match", tag);
        var matched = await admin.SendAsync(update, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new Chancery.Web.Units.UnitRequest(code, "Vụ thử 3", "Stale", "department", null, null, Version: 999)) };
        stale.Headers.TryAddWithoutValidation("If-Match", tag);
        var refused = await admin.SendAsync(stale, Ct);

        matched.StatusCode.ShouldBe(HttpStatusCode.OK, await matched.Content.ReadAsStringAsync(Ct));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
