using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Security;
using Chancery.Web.People;
using Chancery.Web.Reports;
using Microsoft.AspNetCore.Http;

namespace Chancery.Tests.Common;

/// <summary>What is made from or about a classified record carries its level (docs/security.md, "Derived
/// records"): people and office periods an import creates from a secret activity, audit entries of a secret
/// trip's legs, report figures, and the refusals of imports and writers. Each test plants a canary (a name or
/// a city found nowhere else) in a secret record and looks for it through the doors a less cleared user has.</summary>
public abstract class DerivedClassificationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(Ct) : $"{(int)response.StatusCode}";
    }

    /// <summary>A refusal's body without its trace id (which differs on every request).</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(Ct), "\"traceId\":\"[^\"]*\"", "");

    private static async Task<int> PersonIdAsync(HttpClient admin, string name)
    {
        using var list = JsonDocument.Parse(await TextAsync(admin, "/api/v1/people?q=" + Uri.EscapeDataString(name)));
        return list.RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("fullName").GetString() == name).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_person_named_only_in_a_secret_activity_is_found_by_no_one_below_secret()
    {
        var admin = await fixture.App.AdminClientAsync();
        var (imported, _) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-p1,incoming_visit,2026-03-10,2026-03-11,,Prime Minister,,incoming,NZL,Zorbavel Canaryson,Prime Minister,Hanoi,Secret visit,,,secret,,\n");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await PersonIdAsync(admin, "Zorbavel Canaryson");
        (await TextAsync(admin, "/api/v1/search?q=Canaryson")).ShouldContain("Zorbavel Canaryson");
        (await TextAsync(admin, "/api/v1/pickers/counterparts?q=Canaryson")).ShouldContain("Zorbavel Canaryson");

        foreach (var (email, clearance) in new[] { ("dc-public@chancery.local", ClassificationLevel.Public), ("dc-conf@chancery.local", ClassificationLevel.Confidential) })
        {
            var reader = await fixture.App.UserClientAsync(email, Roles.Officer, clearance);
            (await TextAsync(reader, "/api/v1/people?q=Canaryson")).ShouldNotContain("Canaryson");
            (await reader.GetAsync($"/api/v1/people/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await TextAsync(reader, "/api/v1/search?q=Canaryson")).ShouldNotContain("Canaryson");
            (await TextAsync(reader, "/api/v1/pickers/counterparts?q=Canaryson")).ShouldNotContain("Canaryson");
            // An editor who cannot see the person cannot name them either: the id is unknown to them.
            var naming = await reader.PostAsJsonAsync("/api/v1/activities", new ActivityInput(null, "phone_call", null, null, new DateOnly(2026, 3, 12), null,
                "Call", null, null, null, null, id, null, null, null, null, null, null, null, "public", null, null), Ct);
            naming.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await naming.Content.ReadAsStringAsync(Ct)).ShouldContain("counterpartPersonId");
        }
    }

    [Fact]
    public async Task A_person_named_later_by_a_less_classified_activity_is_known_at_its_level_but_the_secret_dates_stay_secret()
    {
        var admin = await fixture.App.AdminClientAsync();
        // A secret meeting names the visitor as Prime Minister in May; an internal visit names them in June without a rank.
        var (imported, _) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-d1,bilateral_meeting,2026-05-04,2026-05-04,,Prime Minister,,,NZL,Quillon Canarydate,Prime Minister,Auckland,Secret meeting,,,secret,,\n" +
            "dc-d2,incoming_visit,2026-06-10,2026-06-11,,Prime Minister,,incoming,NZL,Quillon Canarydate,,Hanoi,Known visit,,,internal,,\n");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await PersonIdAsync(admin, "Quillon Canarydate");
        (await TextAsync(admin, $"/api/v1/people/{id}")).ShouldContain("2026-05-04");

        var reader = await fixture.App.UserClientAsync("dc-internal@chancery.local", Roles.Viewer, ClassificationLevel.Internal);
        var person = await TextAsync(reader, $"/api/v1/people/{id}");
        person.ShouldContain("Quillon Canarydate");
        person.ShouldNotContain("2026-05-04");
        (await TextAsync(reader, "/api/v1/pickers/counterparts?q=Canarydate")).ShouldContain("Quillon Canarydate");
    }

    [Fact]
    public async Task Secret_meetings_naming_a_visitor_as_prime_minister_do_not_move_an_internal_readers_count_of_incoming_visits()
    {
        var admin = await fixture.App.AdminClientAsync();
        var reader = await fixture.App.UserClientAsync("dc-review@chancery.local", Roles.Viewer, ClassificationLevel.Internal);
        const string review = "/api/v1/reports/annual-review?from=2027-01-01&to=2027-12-31";
        (await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-r1,incoming_visit,2027-03-10,2027-03-11,,Prime Minister,,incoming,NZL,Ermina Canaryrank,,Hanoi,Internal visit,,,internal,,\n")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = (await reader.GetFromJsonAsync<AnnualReview>(review, Ct))!;
        before.Lists.IncomingVisits.ShouldNotContain(r => r.ExternalRef == "dc-r1");

        // Only secret records say the visitor was Prime Minister, on days around the internal visit.
        (await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-r2,bilateral_meeting,2027-03-01,2027-03-01,,Prime Minister,,,NZL,Ermina Canaryrank,Prime Minister,Wellington,Secret meeting,,,secret,,\n" +
            "dc-r3,bilateral_meeting,2027-03-20,2027-03-20,,Prime Minister,,,NZL,Ermina Canaryrank,Prime Minister,Wellington,Secret meeting,,,secret,,\n")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The canary: a reader cleared for the secret records counts the visit.
        (await admin.GetFromJsonAsync<AnnualReview>(review, Ct))!.Lists.IncomingVisits.ShouldContain(r => r.ExternalRef == "dc-r1");
        var after = (await reader.GetFromJsonAsync<AnnualReview>(review, Ct))!;
        after.Figures.IncomingVisits.ShouldBe(before.Figures.IncomingVisits);
        after.Lists.IncomingVisits.ShouldNotContain(r => r.ExternalRef == "dc-r1");
    }

    [Fact]
    public async Task An_administrator_cleared_internal_reads_no_city_of_a_secret_trip_nor_its_people_in_the_audit_trail()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/activities", new ActivityInput(null, "official_visit", "outgoing", null, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3),
            "Secret trip", null, null, null, null, null, null, null, null, null, null, null, null, "secret",
            [new ActivityLegInput("FRA", "Canaryville", null, null)], null), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-a1,incoming_visit,2026-07-10,2026-07-11,,Prime Minister,,incoming,NZL,Orlo Canaryaudit,Prime Minister,Hanoi,Secret visit,,,secret,,\n")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        const string legs = "/api/v1/audit?entityType=ActivityLeg&pageSize=100", people = "/api/v1/audit?entityType=Person&pageSize=100";
        (await TextAsync(admin, legs)).ShouldContain("Canaryville");
        (await TextAsync(admin, people)).ShouldContain("Canaryaudit");

        var low = await fixture.App.UserClientAsync("dc-lowadmin@chancery.local", Roles.Administrator, ClassificationLevel.Internal);
        (await TextAsync(low, legs)).ShouldNotContain("Canaryville");
        (await TextAsync(low, people)).ShouldNotContain("Canaryaudit");
    }

    [Fact]
    public async Task Imports_and_writers_answer_a_hidden_record_as_they_answer_one_that_does_not_exist()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-o-secret,official_visit,2026-08-01,2026-08-03,completed,Prime Minister,,outgoing,FRA,,,Paris,Secret trip,,,secret,,\n")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var editor = await fixture.App.UserClientAsync("dc-oracle@chancery.local", Roles.Officer, ClassificationLevel.Internal);

        // A dry run naming the hidden trip's id; another with part_of naming it, next to a part_of naming nothing.
        async Task<IReadOnlyList<ImportProblem>> DryRun(string rows)
        {
            using var content = new StringContent(ActivityDataset.Header + "\n" + rows, Encoding.UTF8, "text/csv");
            var outcome = await (await editor.PostAsync("/api/v1/activities/import?dryRun=true", content, Ct)).Content.ReadFromJsonAsync<ImportOutcome>(Ct);
            return outcome!.Problems;
        }
        var probe = (await DryRun("dc-o-secret,phone_call,2026-08-02,,,Prime Minister,,,JPN,,,,Probe,,,internal,,\n")).ShouldHaveSingleItem();
        probe.Reason.ShouldNotContain("cleared", Case.Insensitive);
        probe.Reason.ShouldNotContain("exists", Case.Insensitive);
        var problems = await DryRun(
            "dc-o-child,bilateral_meeting,2026-08-02,,,Prime Minister,,,FRA,,,,Meeting,dc-o-secret,,internal,,\n" +
            "dc-o-orphan,bilateral_meeting,2026-08-02,,,Prime Minister,,,FRA,,,,Meeting,dc-o-nothing,,internal,,\n");
        var child = problems.Single(p => p.Line == 2);
        var orphan = problems.Single(p => p.Line == 3);
        (child.Column, child.Code).ShouldBe((orphan.Column, orphan.Code));
        child.Reason.ShouldBe(orphan.Reason.Replace("dc-o-nothing", "dc-o-secret"));

        // The API: part_of the hidden trip is refused as an unknown one; nothing is attached under it.
        using var adminList = JsonDocument.Parse(await TextAsync(admin, "/api/v1/activities?q=dc-o-secret"));
        var secretId = adminList.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32();
        async Task<string> PartOf(int parent)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/activities", new ActivityInput(null, "bilateral_meeting", null, null, new DateOnly(2026, 8, 2), null,
                "Meeting", null, null, null, null, null, null, parent, null, null, null, null, null, "internal", null, null), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return await RefusalAsync(response);
        }
        (await PartOf(secretId)).ShouldBe(await PartOf(int.MaxValue));

        // A reference taken by a hidden record is refused in the words of one taken by a visible record.
        async Task<string> WithReference(string reference)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/activities", new ActivityInput(reference, "phone_call", null, null, new DateOnly(2026, 8, 2), null,
                "Call", null, null, null, null, null, null, null, null, null, null, null, null, "internal", null, null), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return await RefusalAsync(response);
        }
        (await editor.PostAsJsonAsync("/api/v1/activities", new ActivityInput("dc-o-visible", "phone_call", null, null, new DateOnly(2026, 8, 2), null,
            "Call", null, null, null, null, null, null, null, null, null, null, null, null, "internal", null, null), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var hidden = await WithReference("dc-o-secret");
        hidden.ShouldBe(await WithReference("dc-o-visible"));
        hidden.ShouldNotContain("already", Case.Insensitive);
    }

    [Fact]
    public async Task A_visible_activity_under_a_hidden_trip_does_not_name_its_parent()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await ActivityDataset.ImportAsync(admin, ActivityDataset.Header + "\n" +
            "dc-h-trip,official_visit,2026-09-01,2026-09-03,completed,Prime Minister,,outgoing,FRA,,,Paris,Secret trip,,,secret,,\n" +
            "dc-h-part,bilateral_meeting,2026-09-02,,,Prime Minister,,,FRA,,,,Open meeting,dc-h-trip,,internal,,\n")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var list = JsonDocument.Parse(await TextAsync(admin, "/api/v1/activities?q=dc-h-part"));
        var partId = list.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32();
        (await admin.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{partId}", Ct))!.PartOfId.ShouldNotBeNull();

        var reader = await fixture.App.UserClientAsync("dc-parent@chancery.local", Roles.Officer, ClassificationLevel.Internal);
        (await reader.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{partId}", Ct))!.PartOfId.ShouldBeNull();
        // The re-import's dry run does not show the hidden parent either.
        using var content = new StringContent(ActivityDataset.Header + "\n" +
            "dc-h-part,bilateral_meeting,2026-09-02,,,Prime Minister,,,FRA,,,,Open meeting (corrected),,,internal,,\n", Encoding.UTF8, "text/csv");
        var dry = await (await reader.PostAsync("/api/v1/activities/import?dryRun=true", content, Ct)).Content.ReadAsStringAsync(Ct);
        dry.ShouldNotContain("dc-h-trip");
    }

    [Fact]
    public async Task A_person_keeps_their_level_when_an_update_leaves_it_out_and_no_one_stores_one_above_their_clearance()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/people", new PersonInput("Vesna Canarykeep", null, "foreign", null, null, null, null, "secret"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = (await created.Content.ReadFromJsonAsync<PersonDetail>(Ct))!;
        person.Classification.ShouldBe("secret");
        var updated = await admin.PutAsJsonAsync($"/api/v1/people/{person.Id}", new PersonInput("Vesna Canarykeep", null, "foreign", null, "note", null, person.Version), Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.Content.ReadFromJsonAsync<PersonDetail>(Ct))!.Classification.ShouldBe("secret");

        var editor = await fixture.App.UserClientAsync("dc-guard@chancery.local", Roles.Officer, ClassificationLevel.Internal);
        var above = await editor.PostAsJsonAsync("/api/v1/people", new PersonInput("Vesna Canaryhigh", null, "foreign", null, null, null, null, "secret"), Ct);
        above.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await above.Content.ReadAsStringAsync(Ct)).ShouldContain("AboveClearance");
    }

    [Fact]
    public void Outside_a_request_the_current_user_is_nobody_and_reading_it_fails()
    {
        var user = new HttpCurrentUser(new HttpContextAccessor());
        Should.Throw<NoUserNamedException>(() => user.Clearance);
        Should.Throw<NoUserNamedException>(() => user.IsInRole(Roles.Administrator));
    }
}

public sealed class DerivedClassificationTestsOnSqlite(SqliteApp fixture) : DerivedClassificationTests(fixture), IClassFixture<SqliteApp>;

public sealed class DerivedClassificationTestsOnPostgres(PostgresApp fixture) : DerivedClassificationTests(fixture), IClassFixture<PostgresApp>;
