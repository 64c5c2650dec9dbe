using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Security;
using Chancery.Web.People;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Common;

/// <summary>Delete and restore as people do it: an editor deletes from the record's confirmation page (or the
/// API), the record leaves every read (list, page, search, calendar feed, export, the review's figures, pickers,
/// the counterpart's page), an administrator restores it from the bin's page, and the audit trail shows both.</summary>
public abstract class RecordBinTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Inside the calendar feed's window (a year back, two ahead) and after the prime minister's recorded term.
    private static readonly DateOnly Soon = DateOnly.FromDateTime(DateTime.Now).AddDays(30);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record FeedAddress(string Url);

    private async Task<int> ImportCallAsync(HttpClient admin, string reference, string title, string classification = "internal")
    {
        var csv = ActivityDataset.Header + ",leader_office_change\n" +
            $"{reference},phone_call,{Iso(Soon)},{Iso(Soon)},confirmed,Prime Minister,Phạm Minh Chính,,AUS,,,,{title},,,{classification},,,extend\n";
        var (response, _) = await ActivityDataset.ImportAsync(admin, csv);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return await IdOfAsync(admin, reference);
    }

    private static async Task<int> ReviewCallsAsync(HttpClient admin)
    {
        using var review = JsonDocument.Parse(await admin.GetStringAsync(
            $"/api/v1/reports/annual-review?from={Iso(Soon)}&to={Iso(Soon)}&forecast=true", Ct));
        return review.RootElement.GetProperty("figures").GetProperty("phoneCalls").GetInt32();
    }

    private static async Task<int> VersionOfAsync(HttpClient client, int activityId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/activities/{activityId}", Ct));
        return json.RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Every read a user has of an activity, each answering whether it shows the one titled <paramref name="title"/>.</summary>
    private async Task<Dictionary<string, bool>> WhereSeenAsync(HttpClient admin, int id, string word, string title, string feedUrl, int otherCalls)
    {
        var seen = new Dictionary<string, bool>();
        var list = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Activities.ActivityListItem>>($"/api/v1/activities?q={word}", Ct);
        seen["api list"] = list!.Items.Any(i => i.Id == id);
        // Found by its leader's name too (the search text is the record's and its leader's).
        var byLeader = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Activities.ActivityListItem>>($"/api/v1/activities?q={word}%20chinh", Ct);
        seen["list by leader"] = byLeader!.Items.Any(i => i.Id == id);
        seen["list page"] = (await PageAsync(admin, $"/activities?q={word}", Ct)).Contains(title);
        seen["detail page"] = (await admin.GetAsync($"/activities/{id}", Ct)).StatusCode == HttpStatusCode.OK;
        seen["api detail"] = (await admin.GetAsync($"/api/v1/activities/{id}", Ct)).StatusCode == HttpStatusCode.OK;
        var search = await admin.GetFromJsonAsync<ListResult<SearchHit>>($"/api/v1/search?q={word}", Ct);
        seen["search"] = search!.Items.Any(h => h.Title == title);
        seen["export"] = (await admin.GetStringAsync($"/api/v1/activities/export?format=csv&q={word}", Ct)).Contains(title);
        var feed = await fixture.App.CreateClient().GetStringAsync(new Uri(feedUrl).PathAndQuery, Ct);
        seen["calendar feed"] = feed.Contains(title);
        seen["calendar page"] = WebUtility.HtmlDecode(await admin.GetStringAsync($"/calendar?month={Soon:yyyy-MM}", Ct)).Contains(title);
        // The class's other tests may have calls on the same day: the figure counts this one beside them.
        seen["review figures"] = await ReviewCallsAsync(admin) == otherCalls + 1;
        return seen;
    }

    [Fact]
    public async Task An_activity_an_editor_deletes_on_its_page_leaves_every_read_and_an_administrator_brings_it_back_from_the_bin()
    {
        var admin = await fixture.App.AdminClientAsync();
        var otherCalls = await ReviewCallsAsync(admin);
        var id = await ImportCallAsync(admin, "bin-call", "Quokkabin call with Canberra");
        var feed = await admin.PostAsync("/api/v1/calendar/token", null, Ct);
        var feedUrl = (await feed.Content.ReadFromJsonAsync<FeedAddress>(Ct))!.Url;
        (await WhereSeenAsync(admin, id, "quokkabin", "Quokkabin call with Canberra", feedUrl, otherCalls)).ShouldAllBe(s => s.Value);

        // The editor opens the detail page, follows Delete, and confirms.
        var editor = await fixture.App.UserClientAsync("bin-editor@test.local", Roles.Officer, ClassificationLevel.Internal);
        (await PageAsync(editor, $"/activities/{id}", Ct)).ShouldContain($"href=\"/activities/{id}/delete\"");
        var confirm = await PageAsync(editor, $"/activities/{id}/delete", Ct);
        confirm.ShouldContain("Xóa “Quokkabin call with Canberra”?");
        var deleted = await PageForms.PostAsync(editor, $"/activities/{id}/delete", "delete",
            new() { ["DeleteVersion"] = (await VersionOfAsync(admin, id)).ToString(CultureInfo.InvariantCulture) }, Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.ToString().ShouldEndWith("/activities?deleted=1");

        (await WhereSeenAsync(admin, id, "quokkabin", "Quokkabin call with Canberra", feedUrl, otherCalls)).ShouldAllBe(s => !s.Value);

        // The administrator finds it in the bin, with who deleted it, and restores it through the page's form.
        var bin = await PageAsync(admin, "/bin?kind=activity", Ct);
        bin.ShouldContain("Quokkabin call with Canberra");
        bin.ShouldContain("bin-editor@test.local");
        var restored = await PageForms.PostAsync(admin, "/bin?kind=activity", "restore", new() { ["Restore"] = $"activity:{id}" }, Ct);
        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = WebUtility.HtmlDecode(await restored.Content.ReadAsStringAsync(Ct));
        after.ShouldContain("Đã khôi phục “Quokkabin call with Canberra”.");
        after.ShouldNotContain($"data-id=\"{id}\"");

        (await WhereSeenAsync(admin, id, "quokkabin", "Quokkabin call with Canberra", feedUrl, otherCalls)).ShouldAllBe(s => s.Value);

        // The trail shows both, named and worded, in the reader's language.
        var audit = await PageAsync(admin, $"/audit?entityType=Activity&entityKey={id}", Ct);
        audit.ShouldContain("class=\"audit-action action-deleted\">Xóa</span>");
        audit.ShouldContain("class=\"audit-action action-restored\">Khôi phục</span>");
        audit.ShouldContain("Quokkabin call with Canberra");
        audit.ShouldContain("Người xóa"); // the DeletedBy field, labelled
        var auditEn = await PageAsync(admin, $"/audit?entityType=Activity&entityKey={id}&culture=en", Ct);
        auditEn.ShouldContain("class=\"audit-action action-restored\">Restored</span>");
        auditEn.ShouldContain("Deleted by");
    }

    [Fact]
    public async Task Deleting_through_the_api_is_for_editors_within_their_clearance_and_from_the_version_they_saw()
    {
        var admin = await fixture.App.AdminClientAsync();
        var open = await ImportCallAsync(admin, "bin-api-open", "Wombatbin open call");
        var secret = await ImportCallAsync(admin, "bin-api-secret", "Wombatbin confidential call", "confidential");
        var viewer = await fixture.App.UserClientAsync("bin-viewer@test.local", Roles.Viewer, ClassificationLevel.TopSecret);
        var editor = await fixture.App.UserClientAsync("bin-api-editor@test.local", Roles.Officer, ClassificationLevel.Internal);
        var version = await VersionOfAsync(admin, open);

        (await viewer.DeleteAsync($"/api/v1/activities/{open}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/activities/{open}/delete", Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await editor.DeleteAsync($"/api/v1/activities/{secret}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.DeleteAsync($"/api/v1/activities/{open}?version={version - 1}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.GetAsync($"/api/v1/activities/{open}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/activities/{secret}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await editor.DeleteAsync($"/api/v1/activities/{open}?version={version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/activities/{open}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.DeleteAsync($"/api/v1/activities/{open}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Restoring is the administrators' (viewers and editors: 403), through the API as well.
        (await editor.PostAsync($"/api/v1/bin/activity/{open}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var back = await admin.PostAsync($"/api/v1/bin/activity/{open}/restore", null, Ct);
        back.StatusCode.ShouldBe(HttpStatusCode.OK, await back.Content.ReadAsStringAsync(Ct));
        (await back.Content.ReadFromJsonAsync<BinRecord>(Ct))!.Name.ShouldBe("Wombatbin open call");
        (await admin.GetAsync($"/api/v1/activities/{open}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/bin/activity/{open}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_bin_shows_an_administrator_only_what_their_clearance_allows_by_kind_and_page()
    {
        var admin = await fixture.App.AdminClientAsync();
        var open = await ImportCallAsync(admin, "bin-clear-open", "Numbatbin open call");
        var secret = await ImportCallAsync(admin, "bin-clear-secret", "Numbatbin confidential call", "confidential");
        (await admin.DeleteAsync($"/api/v1/activities/{open}", Ct)).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/v1/activities/{secret}", Ct)).EnsureSuccessStatusCode();
        var person = await CreatePersonAsync(admin, "Numbatbin Person");
        (await admin.DeleteAsync($"/api/v1/people/{person.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var internalAdmin = await fixture.App.UserClientAsync("bin-internal-admin@test.local", Roles.Administrator, ClassificationLevel.Internal);

        var seenByInternal = (await internalAdmin.GetFromJsonAsync<ListResult<BinRecord>>("/api/v1/bin?pageSize=100", Ct))!;
        var seenByTop = (await admin.GetFromJsonAsync<ListResult<BinRecord>>("/api/v1/bin?pageSize=100", Ct))!;
        seenByInternal.Items.Select(i => i.Name).ShouldContain("Numbatbin open call");
        seenByInternal.Items.Select(i => i.Name).ShouldNotContain("Numbatbin confidential call");
        seenByTop.Items.Select(i => i.Name).ShouldContain("Numbatbin confidential call");
        (await PageAsync(internalAdmin, "/bin", Ct)).ShouldNotContain("Numbatbin confidential call");
        (await internalAdmin.PostAsync($"/api/v1/bin/activity/{secret}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // By kind, newest first, one page at a time.
        var people = (await admin.GetFromJsonAsync<ListResult<BinRecord>>("/api/v1/bin?kind=person", Ct))!;
        people.Items.ShouldAllBe(i => i.Kind == "person");
        people.Items.Select(i => i.Name).ShouldContain("Numbatbin Person");
        var first = (await admin.GetFromJsonAsync<ListResult<BinRecord>>("/api/v1/bin?pageSize=1", Ct))!;
        var second = (await admin.GetFromJsonAsync<ListResult<BinRecord>>("/api/v1/bin?pageSize=1&page=2", Ct))!;
        first.Items.Single().Name.ShouldBe("Numbatbin Person"); // deleted last
        second.Items.Single().Name.ShouldBe("Numbatbin confidential call");
        first.Total.ShouldBe(seenByTop.Total);
        (await admin.GetAsync("/api/v1/bin?kind=partner", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var byKindPage = await PageAsync(admin, "/bin?kind=person", Ct);
        byKindPage.ShouldContain("Numbatbin Person");
        byKindPage.ShouldNotContain("Numbatbin open call");
    }

    [Fact]
    public async Task A_person_whom_activities_name_is_refused_with_how_many_and_goes_to_the_bin_once_they_are_gone()
    {
        var admin = await fixture.App.AdminClientAsync();
        var person = await CreatePersonAsync(admin, "Bilbybin Counterpart");
        var activity = await admin.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "bilateral_meeting", dateStart = "2024-05-02", title = "Bilbybin meeting", counterpartPersonId = person.Id,
            legs = new[] { new { countryIso3 = "AUS" } },
        }, Ct);
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync(Ct));
        using var created = JsonDocument.Parse(await activity.Content.ReadAsStringAsync(Ct));
        var activityId = created.RootElement.GetProperty("id").GetInt32();
        (await PageAsync(admin, $"/people/{person.Id}", Ct)).ShouldContain("Bilbybin meeting"); // the counterpart's meetings

        // Refused, on the page before any button and through the API, naming how many activities name them.
        var confirm = await PageAsync(admin, $"/people/{person.Id}/delete", Ct);
        confirm.ShouldContain("Có 1 hoạt động ghi tên người này");
        confirm.ShouldNotContain("class=\"danger\"");
        var refused = await admin.DeleteAsync($"/api/v1/people/{person.Id}", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("PersonNamedInActivities");
        (await admin.GetAsync($"/api/v1/people/{person.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // With the meeting in the bin, the person goes too, from their page's confirmation.
        (await admin.DeleteAsync($"/api/v1/activities/{activityId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var deleted = await PageForms.PostAsync(admin, $"/people/{person.Id}/delete", "delete", new() { ["DeleteVersion"] = person.Version.ToString(CultureInfo.InvariantCulture) }, Ct);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync($"/people/{person.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetFromJsonAsync<ListResult<PersonListItem>>("/api/v1/people?q=bilbybin", Ct))!.Total.ShouldBe(0);
        (await admin.GetStringAsync("/api/v1/pickers/counterparts?q=bilbybin", Ct)).ShouldNotContain("Bilbybin Counterpart");

        // The meeting does not come back without its counterpart; it does once they are back.
        var early = await admin.PostAsync($"/api/v1/bin/activity/{activityId}/restore", null, Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync(Ct)).ShouldContain("Bilbybin Counterpart");
        (await admin.PostAsync($"/api/v1/bin/person/{person.Id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/bin/activity/{activityId}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync("/api/v1/pickers/counterparts?q=bilbybin", Ct)).ShouldContain("Bilbybin Counterpart");
        (await PageAsync(admin, $"/people/{person.Id}", Ct)).ShouldContain("Bilbybin meeting");
    }

    [Fact]
    public async Task A_framework_event_deleted_on_its_confirmation_page_leaves_the_partners_history_until_restored()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/partners", new { code = "XBN", kind = "country", nameVi = "Nước Thùng", nameEn = "Binland" }, Ct)).EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync("/api/v1/partners/XBN/events", new { level = "strategic", establishedDate = "2015-03" }, Ct);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var id = json.RootElement.GetProperty("id").GetInt32();
        (await PageAsync(admin, "/partners/XBN", Ct)).ShouldContain("03/2015");
        (await PageAsync(admin, $"/partners/XBN/events/{id}/edit", Ct)).ShouldContain($"href=\"/partners/XBN/events/{id}/delete\"");

        var deleted = await PageForms.PostAsync(admin, $"/partners/XBN/events/{id}/delete", "delete", new() { ["DeleteVersion"] = "0" }, Ct);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(admin, "/partners/XBN", Ct)).ShouldNotContain("03/2015");
        // Its level and date stay taken while it is in the bin, and the editor is told where it is.
        var again = await admin.PostAsJsonAsync("/api/v1/partners/XBN/events", new { level = "strategic", establishedDate = "2015-03" }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("ErrEventInBin");
        var bin = await PageAsync(admin, "/bin?kind=partner_event", Ct);
        bin.ShouldContain("Nước Thùng · Đối tác chiến lược");

        var restored = await PageForms.PostAsync(admin, "/bin?kind=partner_event", "restore", new() { ["Restore"] = $"partner_event:{id}" }, Ct);
        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(admin, "/partners/XBN", Ct)).ShouldContain("03/2015");
    }

    private static async Task<PersonDetail> CreatePersonAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new PersonInput(name, null, "foreign", "AUS", null, [], null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<PersonDetail>(Ct))!;
    }
}

public sealed class RecordBinTestsOnSqlite(SqliteApp fixture) : RecordBinTests(fixture), IClassFixture<SqliteApp>;

public sealed class RecordBinTestsOnPostgres(PostgresApp fixture) : RecordBinTests(fixture), IClassFixture<PostgresApp>;
