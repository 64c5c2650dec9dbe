using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Chancery.Web.Common.Security;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Calendar;

/// <summary>The per-user iCalendar feed, on both providers: anonymous by address, but holding only what
/// the address's owner may see.</summary>
public abstract class CalendarFeedTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record FeedAddress(string Url);

    // Dates relative to today, so both sit inside the feed's window (one year back, two ahead).
    private static readonly DateOnly Soon = DateOnly.FromDateTime(DateTime.Now).AddDays(20);

    // Planned trips after the prime minister's recorded term (the dataset's 2025): the file says it stretches to them.
    private static string Csv => ActivityDataset.Header + ",leader_office_change\n" +
        $"cal-open,official_visit,{Iso(Soon)},{Iso(Soon.AddDays(2))},planned,Prime Minister,Phạm Minh Chính,outgoing,IND;LKA,,,New Delhi,Visit to India and Sri Lanka,,,internal,,,extend\n" +
        $"cal-secret,working_visit,{Iso(Soon.AddDays(5))},{Iso(Soon.AddDays(5))},confirmed,Prime Minister,Phạm Minh Chính,outgoing,CHN,,,Beijing,Confidential trip to Beijing,,,confidential,,,extend\n";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> FeedUrlAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/calendar/token", null, Ct);
        response.EnsureSuccessStatusCode();
        var address = await response.Content.ReadFromJsonAsync<FeedAddress>(Ct);
        address!.Url.ShouldEndWith(".ics");
        return address.Url;
    }

    /// <summary>What a calendar app does: an anonymous GET of the address.</summary>
    private async Task<HttpResponseMessage> FetchAsync(string url) =>
        await fixture.App.CreateClient().GetAsync(new Uri(url).PathAndQuery, Ct);

    private async Task<Ical.Net.Calendar> LoadFeedAsync(string url)
    {
        var response = await FetchAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
    }

    [Fact]
    public async Task An_internal_viewers_feed_leaves_out_the_confidential_trip_that_an_administrators_feed_holds()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var (response, _) = await ActivityDataset.ImportAsync(admin, Csv);
        response.EnsureSuccessStatusCode();
        var viewer = await fixture.App.UserClientAsync("feed-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var viewerFeed = await LoadFeedAsync(await FeedUrlAsync(viewer));
        var adminFeed = await LoadFeedAsync(await FeedUrlAsync(admin));

        viewerFeed.Events.Select(e => e.Summary).ShouldContain("Visit to India and Sri Lanka");
        viewerFeed.Events.Select(e => e.Summary).ShouldNotContain("Confidential trip to Beijing");
        adminFeed.Events.Select(e => e.Summary).ShouldContain("Confidential trip to Beijing");
    }

    [Fact]
    public async Task A_planned_three_day_visit_is_a_tentative_all_day_event_ending_the_day_after_its_last_day()
    {
        var admin = await fixture.App.AdminClientAsync();
        // The dataset first, as in the other test of the class (they share a database): the trips stretch its term.
        await ActivityDataset.EnsureImportedAsync(admin);
        (await ActivityDataset.ImportAsync(admin, Csv)).Response.EnsureSuccessStatusCode();

        var feed = await LoadFeedAsync(await FeedUrlAsync(admin));

        var visit = feed.Events.Single(e => e.Summary == "Visit to India and Sri Lanka");
        visit.DtStart!.HasTime.ShouldBeFalse();
        visit.DtStart.Date.ShouldBe(Soon);
        visit.DtEnd!.Date.ShouldBe(Soon.AddDays(3)); // exclusive: last day + 1
        visit.Status.ShouldBe("TENTATIVE");
        visit.Location.ShouldBe("New Delhi");
        visit.Uid!.ShouldEndWith("@chancery");
        visit.Description!.ShouldContain("Phạm Minh Chính");
        visit.Description!.ShouldContain("Ấn Độ, Xri Lan-ca");
        visit.Url!.AbsolutePath.ShouldBe("/activities/" + visit.Uid.Split('@')[0]);
        feed.Events.Single(e => e.Summary == "Confidential trip to Beijing").Status.ShouldBe("CONFIRMED");
    }

    /// <summary>An untitled phone call and a dated two-country trip, made once through the API.</summary>
    private static async Task EnsureLanguageSetAsync(HttpClient admin)
    {
        var existing = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=cal-lang", Ct);
        if (existing!.Total > 0) return;
        var trip = Soon.AddDays(30);
        ActivityInput[] inputs =
        [
            Input("cal-lang-call", "phone_call", "planned", trip.AddDays(-3), trip.AddDays(-3), null, new ActivityLegInput("AUS", null, null, null)),
            Input("cal-lang-trip", "official_visit", "confirmed", trip, trip.AddDays(3), "Tour of Germany and Switzerland",
                new ActivityLegInput("DEU", "Berlin", trip, trip.AddDays(1)), new ActivityLegInput("CHE", "Bern", trip.AddDays(2), trip.AddDays(3))),
        ];
        foreach (var input in inputs) (await admin.PostAsJsonAsync("/api/v1/activities", input, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static ActivityInput Input(string reference, string kind, string status, DateOnly start, DateOnly end, string? title, params ActivityLegInput[] legs) => new(
        ExternalRef: reference, Kind: kind, Direction: null, Status: status, DateStart: start, DateEnd: end, Title: title, HostOrVenue: null,
        Channel: null, LeadPersonId: null, LeaderRoleText: "Thủ tướng", CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null,
        OwnerUnitId: null, Outcomes: null, Themes: null, Sources: null, Notes: null, Classification: null, Legs: legs, Version: null);

    private static string D(DateOnly d, string culture) => d.ToString(culture == "vi" ? "dd/MM/yyyy" : "d MMM yyyy", CultureInfo.GetCultureInfo(culture));

    [Theory]
    [InlineData(null, "Điện đàm", "Quốc gia: Đức, Thụy Sĩ", "Lịch trình: {0} – {1} Đức; {2} – {3} Thụy Sĩ", "Loại hoạt động: Thăm chính thức; Trạng thái: Đã xác nhận", "Đức – Thụy Sĩ")]
    [InlineData("vi", "Điện đàm", "Quốc gia: Đức, Thụy Sĩ", "Lịch trình: {0} – {1} Đức; {2} – {3} Thụy Sĩ", "Loại hoạt động: Thăm chính thức; Trạng thái: Đã xác nhận", "Đức – Thụy Sĩ")]
    [InlineData("en", "Phone call", "Countries: Germany, Switzerland", "Itinerary: {0} – {1} Germany; {2} – {3} Switzerland", "Kind: Official visit; Status: Confirmed", "Germany – Switzerland")]
    public async Task The_feed_describes_events_in_the_language_fixed_in_its_address_vietnamese_by_default(
        string? culture, string untitledSummary, string countries, string itinerary, string kindAndStatus, string location)
    {
        var admin = await fixture.App.AdminClientAsync();
        await EnsureLanguageSetAsync(admin);
        var url = await FeedUrlAsync(admin) + (culture is null ? "" : "?culture=" + culture);

        var feed = await LoadFeedAsync(url);

        var trip = feed.Events.Single(e => e.Summary == "Tour of Germany and Switzerland");
        var start = trip.DtStart!.Date;
        var lang = culture ?? "vi";
        trip.Description!.Split('\n').ShouldBe(
        [
            // The office as written ("Thủ tướng") reads as the office in the feed's language.
            lang == "vi" ? "Lãnh đạo: Thủ tướng Chính phủ" : "Leader: Prime Minister of Vietnam",
            countries,
            string.Format(CultureInfo.InvariantCulture, itinerary, D(start, lang), D(start.AddDays(1), lang), D(start.AddDays(2), lang), D(start.AddDays(3), lang)),
            kindAndStatus,
        ]);
        trip.Location.ShouldBe(location);
        // A call recorded without a title is named by its kind.
        feed.Events.Count(e => e.Summary == untitledSummary && e.DtStart!.Date == start.AddDays(-3)).ShouldBe(1);
    }

    [Fact]
    public async Task The_feed_token_is_stored_only_as_its_hash()
    {
        var viewer = await fixture.App.UserClientAsync("feed-hash@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var url = await FeedUrlAsync(viewer);
        var secret = new Uri(url).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

        (await FetchAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        secret.ShouldStartWith("chpat_");
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<Chancery.Web.Data.ChanceryDbContext>();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)));
        var row = await db.Set<Chancery.Web.Common.Security.Tokens.PersonalAccessToken>().AsNoTracking().SingleAsync(t => t.SecretHash == hash, Ct);
        row.Scope.ShouldBe(Chancery.Web.Common.Security.Tokens.TokenScope.Calendar);
        var rest = secret[10..];
        (await db.Set<Chancery.Web.Common.Security.Tokens.PersonalAccessToken>().AsNoTracking().ToListAsync(Ct))
            .Where(t => (t.Name + t.Hint + t.SecretHash + t.AccountFingerprint).Contains(rest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_token_answers_not_found()
    {
        var response = await FetchAsync("http://localhost/calendar/feed/" + new string('A', 43) + ".ics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_link_revokes_the_old_one()
    {
        var viewer = await fixture.App.UserClientAsync("feed-rotator@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var oldUrl = await FeedUrlAsync(viewer);
        (await FetchAsync(oldUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var newUrl = await FeedUrlAsync(viewer);

        newUrl.ShouldNotBe(oldUrl);
        (await FetchAsync(oldUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FetchAsync(newUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rotating_the_link_needs_a_signed_in_user()
    {
        var response = await fixture.App.CreateClient().PostAsync("/api/v1/calendar/token", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class CalendarFeedTestsOnSqlite(SqliteApp fixture) : CalendarFeedTests(fixture), IClassFixture<SqliteApp>;

public sealed class CalendarFeedTestsOnPostgres(PostgresApp fixture) : CalendarFeedTests(fixture), IClassFixture<PostgresApp>;
