using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Agreements;
using Chancery.Tests.Commitments;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Directives;

/// <summary>Tasks linked to the activities, agreements and commitments that carry them out: the link on
/// the task, the task on each record's page, and neither end shown to a reader who may not see it.</summary>
public abstract class TaskLinkTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ActivityAsync(HttpClient client, string title, string? classification = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/activities", new ActivityInput(
            ExternalRef: null, Kind: "official_visit", Direction: null, Status: null, DateStart: new DateOnly(2025, 3, 2), DateEnd: new DateOnly(2025, 3, 4),
            Title: title, HostOrVenue: "Brussels", Channel: "government", LeadPersonId: null, LeaderRoleText: "Thủ tướng",
            CounterpartPersonId: null, CounterpartRoleText: null, PartOfId: null, OwnerUnitId: null, Outcomes: null,
            Themes: [], Sources: null, Notes: null, Classification: classification,
            Legs: [new("BEL", "Brussels", new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 4))], Version: null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, int task, string kind, int id) =>
        client.PostAsJsonAsync($"/api/v1/tasks/{task}/links", new { kind, id }, Ct);

    [Fact]
    public async Task A_task_linked_to_an_activity_an_agreement_and_a_commitment_shows_them_and_each_page_shows_the_task()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Links directive",
            tasks = new object[] { new { title = "Open two new export markets", leadUnit = "MOFA-ECON", deadline = "2025-12-31" } },
        });
        var task = ids["Open two new export markets"];
        var activity = await ActivityAsync(admin, "Trade mission to Belgium");
        var agreementResponse = await admin.PostAsJsonAsync("/api/v1/agreements",
            AgreementApiTests.Input("link-ag-1", "Bản ghi nhớ thương mại", "Trade memorandum", ["USA"]), Ct);
        agreementResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await agreementResponse.Content.ReadAsStringAsync(Ct));
        var agreement = (await agreementResponse.Content.ReadFromJsonAsync<AgreementDetail>(Ct))!.Id;
        var commitment = (await CommitmentApi.CreateAsync(admin, CommitmentApi.Input("link-c-1", "USA", "trade", 1000m, "USD", "2025-02-01"))).Id;

        (await LinkAsync(admin, task, "activity", activity)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await LinkAsync(admin, task, "agreement", agreement)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await LinkAsync(admin, task, "commitment", commitment)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await LinkAsync(admin, task, "commitment", commitment)).StatusCode.ShouldBe(HttpStatusCode.Created); // twice is one link

        var links = (await TaskAsync(admin, task)).GetProperty("links").EnumerateArray()
            .Select(l => $"{l.GetProperty("kind").GetString()}:{l.GetProperty("id").GetInt32()}").ToList();
        links.ShouldBe([$"activity:{activity}", $"agreement:{agreement}", $"commitment:{commitment}"]);

        var page = await PageForms.CookieClientAsync(app, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        foreach (var url in new[] { $"/activities/{activity}", $"/agreements/{agreement}", $"/commitments/{commitment}" })
        {
            var html = await page.GetStringAsync(url, Ct);
            html.ShouldContain($"href=\"/tasks/{task}\"", customMessage: url);
            html.ShouldContain("Open two new export markets", customMessage: url);
        }
        var taskPage = await page.GetStringAsync($"/tasks/{task}?culture=en", Ct);
        taskPage.ShouldContain("Trade mission to Belgium");
        taskPage.ShouldContain($"href=\"/commitments/{commitment}\"");

        // Unlinked through the page's form: the commitment's page no longer shows the task.
        var removed = await PageForms.PostAsync(page, $"/tasks/{task}", "task-unlink", new() { ["Unlink.Target"] = $"commitment:{commitment}" }, Ct);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await page.GetStringAsync($"/commitments/{commitment}", Ct)).ShouldNotContain($"href=\"/tasks/{task}\"");
        // ... and linked again through the picker's form.
        var added = await PageForms.PostAsync(page, $"/tasks/{task}", "task-link", new() { ["Link.Commitment"] = $"{commitment}" }, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(Ct));
        (await page.GetStringAsync($"/commitments/{commitment}", Ct)).ShouldContain($"href=\"/tasks/{task}\"");
    }

    [Fact]
    public async Task Unknown_kinds_and_records_are_refused_naming_the_parameter()
    {
        var admin = await fixture.App.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Bad links",
            tasks = new object[] { new { title = "Bad link task", leadUnit = "MOFA-ECON", deadline = "2025-12-31" } },
        });
        var task = ids["Bad link task"];
        var kind = await LinkAsync(admin, task, "treaty", 1);
        kind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await kind.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"kind\"");
        body.ShouldContain("activity, agreement, commitment");
        var missing = await LinkAsync(admin, task, "activity", 987654);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("TaskLinkTargetUnknown");
        (await admin.GetAsync("/api/v1/tasks/serving?kind=meeting&id=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_reader_sees_neither_a_task_nor_a_linked_record_above_their_clearance()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Classified links",
            tasks = new object[]
            {
                new { title = "Open task on a secret visit", leadUnit = "MOFA-ECON", deadline = "2025-12-31" },
                new { title = "Confidential task on an open visit", leadUnit = "MOFA-ECON", deadline = "2025-12-31", classification = "confidential" },
            },
        });
        var openTask = ids["Open task on a secret visit"];
        var hiddenTask = ids["Confidential task on an open visit"];
        var openVisit = await ActivityAsync(admin, "Open visit to Belgium");
        var hiddenVisit = await ActivityAsync(admin, "Confidential visit to Belgium", "confidential");
        (await LinkAsync(admin, openTask, "activity", hiddenVisit)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await LinkAsync(admin, hiddenTask, "activity", openVisit)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await app.CreateUserAsync("links-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var viewer = await app.ClientForAsync("links-viewer@test.local", ChanceryAppFactory.UserPassword);
        (await TaskAsync(viewer, openTask)).GetProperty("links").GetArrayLength().ShouldBe(0);
        var serving = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/serving?kind=activity&id={openVisit}", Ct);
        serving.GetArrayLength().ShouldBe(0);
        var page = await PageForms.CookieClientAsync(app, "links-viewer@test.local", ChanceryAppFactory.UserPassword, Ct);
        var html = await page.GetStringAsync($"/activities/{openVisit}", Ct);
        html.ShouldContain("Open visit to Belgium");
        html.ShouldNotContain("Confidential task on an open visit");
        (await page.GetStringAsync($"/tasks/{openTask}", Ct)).ShouldNotContain("Confidential visit to Belgium");

        // The admin sees both ends.
        (await TaskAsync(admin, openTask)).GetProperty("links").GetArrayLength().ShouldBe(1);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/serving?kind=activity&id={openVisit}", Ct)).GetArrayLength().ShouldBe(1);
    }
}

public sealed class TaskLinkTestsOnSqlite(DirectivesSqliteApp fixture) : TaskLinkTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class TaskLinkTestsOnPostgres(DirectivesPostgresApp fixture) : TaskLinkTests(fixture), IClassFixture<DirectivesPostgresApp>;
