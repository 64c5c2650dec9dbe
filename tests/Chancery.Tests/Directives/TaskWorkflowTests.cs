using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Time;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Directives;

/// <summary>Working on tasks through the API and the pages: a recurring task's next occurrence made once,
/// however the close is repeated; unit scoping; stale edits; the pages' forms.</summary>
public abstract class TaskWorkflowTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> DirectiveAsync(HttpClient client, int taskId)
    {
        var directiveId = (await TaskAsync(client, taskId)).GetProperty("directiveId").GetInt32();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directiveId}", Ct);
    }

    [Fact]
    public async Task Closing_a_quarterly_report_twice_or_twice_at_once_creates_one_next_quarter()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Quarterly reporting",
            tasks = new object[]
            {
                new { title = "Report Q1", leadUnit = "MOFA-ECON", deadline = "2025-03-31", recurrence = "quarterly" },
                new { title = "Report Q1 again", leadUnit = "MOFA-ECON", deadline = "2025-03-31", recurrence = "quarterly" },
            },
        });
        var id = ids["Report Q1"];
        var version = await VersionAsync(admin, id);
        var first = await admin.PostAsJsonAsync($"/api/v1/tasks/{id}/done", new { version }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{id}/done", new { version }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var fresh = await admin.PostAsJsonAsync($"/api/v1/tasks/{id}/done", new { version = await VersionAsync(admin, id) }, Ct);
        fresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fresh.Content.ReadAsStringAsync(Ct)).ShouldContain("TaskAlreadyDone");
        var tree = (await DirectiveAsync(admin, id)).GetProperty("tasks").EnumerateArray().ToList();
        var successors = tree.Where(t => t.GetProperty("title").GetString() == "Report Q1" && t.GetProperty("id").GetInt32() != id).ToList();
        successors.Count.ShouldBe(1);
        successors[0].GetProperty("deadline").GetString().ShouldBe("2025-06-30");
        successors[0].GetProperty("period").GetString().ShouldBe("2025-Q2");

        // Two closes of the other series at the same moment, from the same page version: one wins.
        var other = ids["Report Q1 again"];
        var v = await VersionAsync(admin, other);
        var both = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/tasks/{other}/done", new { version = v }, Ct),
            admin.PostAsJsonAsync($"/api/v1/tasks/{other}/done", new { version = v }, Ct));
        both.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        both.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await DirectiveAsync(admin, other)).GetProperty("tasks").EnumerateArray()
            .Count(t => t.GetProperty("title").GetString() == "Report Q1 again").ShouldBe(2);
    }

    [Fact]
    public async Task An_officer_works_on_their_units_tasks_and_those_below_not_on_another_units()
    {
        var app = fixture.App;
        await app.CreateUserAsync("asia1-officer@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ASIA1");
        await app.CreateUserAsync("mofa-officer@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA");
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Bộ trưởng", title = "Scoping",
            tasks = new object[] { new { title = "Economic task", leadUnit = "MOFA-ECON", deadline = "2025-12-31" } },
        });
        var id = ids["Economic task"];
        var asia = await app.ClientForAsync("asia1-officer@test.local", ChanceryAppFactory.UserPassword);
        var mofa = await app.ClientForAsync("mofa-officer@test.local", ChanceryAppFactory.UserPassword);
        var version = await VersionAsync(admin, id);

        var refused = await asia.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { date = "2025-02-01", percent = 10, text = "Not ours", version }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("TaskNotYourUnit");
        (await TaskAsync(asia, id)).GetProperty("canEdit").GetBoolean().ShouldBeFalse(); // still readable

        var accepted = await mofa.PostAsJsonAsync($"/api/v1/tasks/{id}/progress", new { date = "2025-02-01", percent = 10, text = "From the Ministry", version }, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync(Ct));
        var task = await TaskAsync(mofa, id);
        task.GetProperty("percent").GetInt32().ShouldBe(10);
        task.GetProperty("progress")[0].GetProperty("author").GetString().ShouldBe("mofa-officer@test.local");

        // A stale edit is a conflict with the stored task.
        var stale = await mofa.PutAsJsonAsync($"/api/v1/tasks/{id}", new { title = "Renamed", leadUnit = "MOFA-ECON", deadline = "2025-12-31", version = version - 1 }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await TaskAsync(admin, id)).GetProperty("title").GetString().ShouldBe("Economic task");
    }

    [Fact]
    public async Task A_directive_created_with_its_tasks_through_the_page_then_progress_and_done_through_the_task_page()
    {
        var app = fixture.App;
        await app.CreateUserAsync("econ-editor@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        var page = await PageForms.CookieClientAsync(app, "econ-editor@test.local", ChanceryAppFactory.UserPassword, Ct);
        var created = await PageForms.PostAsync(page, "/directives/new", "directive-create", new()
        {
            ["Input.Date"] = "2025-01-06", ["Input.Issuer"] = "Thủ tướng Chính phủ", ["Input.Title"] = "Form directive",
            ["Input.Classification"] = "internal",
            ["Input.Rows[0].Title"] = "Form parent", ["Input.Rows[0].LeadUnit"] = "MOFA-ECON", ["Input.Rows[0].Deadline"] = "2025-12-31",
            ["Input.Rows[1].Title"] = "Form child", ["Input.Rows[1].LeadUnit"] = "MOFA-ECON", ["Input.Rows[1].Deadline"] = "2025-06-30",
            ["Input.Rows[1].ParentRow"] = "1", ["Input.Rows[1].KeyTask"] = "true", ["Input.Rows[1].Coordinating"] = "MOIT; MPI",
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync(Ct));
        var directiveUrl = created.Headers.Location!.OriginalString;
        var html = await page.GetStringAsync(directiveUrl, Ct);
        html.ShouldContain("Form parent");
        html.IndexOf("Form child", StringComparison.Ordinal).ShouldBeGreaterThan(html.IndexOf("Form parent", StringComparison.Ordinal));
        var childId = int.Parse(System.Text.RegularExpressions.Regex.Match(html, "href=\"/tasks/(\\d+)\">Form child").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A row naming an unknown unit comes back with the problem beside it, and nothing is stored.
        var bad = await PageForms.PostAsync(page, "/directives/new", "directive-create", new()
        {
            ["Input.Date"] = "2025-01-06", ["Input.Issuer"] = "Thủ tướng", ["Input.Title"] = "Bad form directive",
            ["Input.Rows[0].Title"] = "Bad row", ["Input.Rows[0].LeadUnit"] = "NOPE",
        }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("NOPE");

        var taskUrl = $"/tasks/{childId}";
        (await page.GetStringAsync(taskUrl, Ct)).ShouldContain("name=\"Input.Version\" value=\"0\"");
        var reported = await PageForms.PostAsync(page, taskUrl, "task-progress", new()
        {
            ["Input.Date"] = "2025-02-01", ["Input.Percent"] = "40", ["Input.Text"] = "Two markets opened", ["Input.Version"] = "0",
        }, Ct);
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var taskPage = await page.GetStringAsync(taskUrl, Ct);
        taskPage.ShouldContain("Two markets opened");
        taskPage.ShouldContain("40%");

        var done = await PageForms.PostAsync(page, taskUrl, "task-done", new() { ["Done.Version"] = "0" }, Ct);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var closed = await page.GetStringAsync(taskUrl, Ct);
        closed.ShouldContain("status-done_on_time");
        closed.ShouldNotContain("name=\"Done.Version\"");
        (await page.GetStringAsync(directiveUrl, Ct)).ShouldContain("status-done_on_time");
    }
}

public sealed class TaskWorkflowTestsOnSqlite(DirectivesSqliteApp fixture) : TaskWorkflowTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class TaskWorkflowTestsOnPostgres(DirectivesPostgresApp fixture) : TaskWorkflowTests(fixture), IClassFixture<DirectivesPostgresApp>;
