using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;

namespace Chancery.Tests.Activities;

/// <summary>Import, list and edit through the API, on both providers.</summary>
public abstract class ActivityApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_every_problem_by_line_and_column()
    {
        var admin = await fixture.App.AdminClientAsync();
        var csv = ActivityDataset.Header + "\n" +
            "e1,state_vist,2025-01-10,2025-01-12,,Prime Minister,Phạm Minh Chính,outgoing,FRA,,,,,,,,,\n" +       // line 2: kind
            "e2,official_visit,2025-01-10,2025-01-12,,Prime Minister,Phạm Minh Chính,incoming,FRA,,,,,,,,,\n" +   // line 3: direction
            "e3,official_visit,2025-01-10,2025-01-12,,Prime Minister,Phạm Minh Chính,outgoing,FRA;XYZ,,,,,,,,,\n" + // line 4: country
            "e4,official_visit,2025-01-12,2025-01-10,,Prime Minister,Phạm Minh Chính,outgoing,FRA,,,,,,,,,\n" +   // line 5: end before start
            "e5,phone_call,2025-01-10,2025-01-10,,Chief Wizard,Phạm Minh Chính,,FRA,,,,,,,,,\n" +                  // line 6: leader office
            "e6,bilateral_meeting,2025-01-10,2025-01-10,,Prime Minister,Phạm Minh Chính,,FRA,,,,,nowhere,,,,\n" +  // line 7: part_of
            "e7,phone_call,2025-01-10,2025-01-10,,Prime Minister,Phạm Minh Chính,,FRA,,,,,,,,,\n";                 // line 8: fine

        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        outcome!.Problems.Select(p => (p.Line, p.Column)).ShouldBe(
            [(2, "kind"), (3, "direction"), (4, "countries_iso3"), (5, "date_end"), (6, "leader_role"), (7, "part_of")], ignoreOrder: true);
        outcome.Problems.Single(p => p.Line == 4).Reason.ShouldContain("XYZ");
        var stored = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?q=e7", Ct);
        stored!.Items.ShouldNotContain(i => i.ExternalRef == "e7");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        var (response, outcome) = await ActivityDataset.ImportAsync(admin, ActivityDataset.Csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        outcome!.Created.ShouldBe(0);
        outcome.Updated.ShouldBe(0);
        outcome.Unchanged.ShouldBe(ActivityDataset.Rows);
    }

    [Fact]
    public async Task The_list_filters_by_partner_and_kind_and_the_export_round_trips_the_columns()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);

        // France: the trip t1 (FRA;CHE;FRA) and the visit v2.
        var france = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?partner=FRA&from=2025-01-01&to=2025-12-31", Ct);
        france!.Items.Select(i => i.ExternalRef).ShouldBe(["v2", "t1"]);
        var calls = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>("/api/v1/activities?kind=phone_call&leader=pham%20minh%20chinh", Ct);
        calls!.Items.Select(i => i.ExternalRef).ShouldContain("pc");

        var csv = await admin.GetStringAsync("/api/v1/activities/export?format=csv", Ct);
        csv.TrimStart('\uFEFF').ShouldStartWith(ActivityDataset.Header);
        csv.ShouldContain("t1,state_visit,2025-06-10,2025-06-18,completed,Prime Minister,Phạm Minh Chính,outgoing,FRA;CHE;FRA");
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused_naming_the_parameter_and_the_formats()
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync("/api/v1/activities/export?format=pdf", Ct);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("format")[0].GetString().ShouldBe("Use one of: csv, xlsx.");
    }

    [Fact]
    public async Task An_edit_with_legs_outside_the_trip_unknown_countries_or_a_wrong_direction_names_each_field()
    {
        var admin = await fixture.App.AdminClientAsync();
        var input = NewVisit() with
        {
            Direction = "incoming",
            Legs = [new("FRA", "Paris", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 3)), new("XYZ", null, new DateOnly(2025, 3, 2), null)],
        };

        var response = await admin.PostAsJsonAsync("/api/v1/activities", input, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"direction\"");
        body.ShouldContain("\"legs[0].dateStart\""); // 1 March is before the trip's 2 March
        body.ShouldContain("\"legs[1].countryIso3\"");
        body.ShouldContain("\"legs[1].dateStart\""); // starts before the previous leg ends
    }

    [Theory]
    [InlineData(null, "At most 1000 characters.")]
    [InlineData("vi", "Tối đa 1000 ký tự.")]
    public async Task A_title_longer_than_the_model_allows_is_a_400_naming_the_title_in_the_callers_language(string? language, string words)
    {
        var admin = await fixture.App.AdminClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities")
        {
            Content = JsonContent.Create(NewVisit() with { Title = new string('x', 1200) }),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await admin.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["title"]);
        errors.GetProperty("title")[0].GetString().ShouldBe(words);
        problem.RootElement.GetProperty("codes").GetProperty("title")[0].GetString().ShouldBe("TooLong");
    }

    [Fact]
    public async Task An_update_that_leaves_out_the_classification_keeps_the_stored_level()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/activities", NewVisit() with { Classification = "confidential" }, Ct);
        var detail = (await created.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;

        var updated = await admin.PutAsJsonAsync($"/api/v1/activities/{detail.Id}", NewVisit() with { Title = "Still confidential", Version = detail.Version }, Ct);

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!.Classification.ShouldBe("confidential");
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_with_409()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/activities", NewVisit(), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var detail = (await created.Content.ReadFromJsonAsync<ActivityDetail>(Ct))!;
        detail.Legs.Select(l => l.CountryIso3).ShouldBe(["BEL"]);

        var first = await admin.PutAsJsonAsync($"/api/v1/activities/{detail.Id}", NewVisit() with { Title = "First edit", Version = detail.Version }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await admin.PutAsJsonAsync($"/api/v1/activities/{detail.Id}", NewVisit() with { Title = "Stale edit", Version = detail.Version }, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // The refusal carries the stored record and its version, to show what changed and save again knowingly.
        var problem = await second.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        problem.GetProperty("current").GetProperty("title").GetString().ShouldBe("First edit");
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(detail.Version + 1);
        var now = await admin.GetFromJsonAsync<ActivityDetail>($"/api/v1/activities/{detail.Id}", Ct);
        now!.Title.ShouldBe("First edit");
    }

    private static ActivityInput NewVisit() => new(
        ExternalRef: null, Kind: "official_visit", Direction: null, Status: null, DateStart: new DateOnly(2025, 3, 2), DateEnd: new DateOnly(2025, 3, 4),
        // Belgium, not France: the list test counts the dataset's French activities in the same database.
        Title: "Visit to Belgium", HostOrVenue: "Brussels", Channel: "government", LeadPersonId: null, LeaderRoleText: "Thủ tướng",
        CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null,
        Themes: ["semiconductors"], Sources: null, Notes: null, Classification: null,
        Legs: [new("BEL", "Brussels", new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 4))], Version: null);
}

public sealed class ActivityApiTestsOnSqlite(SqliteApp fixture) : ActivityApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityApiTestsOnPostgres(PostgresApp fixture) : ActivityApiTests(fixture), IClassFixture<PostgresApp>;
