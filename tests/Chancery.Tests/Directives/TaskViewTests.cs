using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Directives;

/// <summary>The views a reader gets of the tasks: strict filters (an unknown code is a 400 naming the
/// parameter and the allowed values), exports of the three formats, a parent's status and progress
/// rolled up from its sub-tasks, the timeline of deadlines by month, and the task edit page.</summary>
public abstract class TaskViewTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/tasks?view=soon", "view", "mine, due_soon, overdue, deadlines")]
    [InlineData("/api/v1/tasks?view=mine&status=late", "status", "in_progress, overdue, done_on_time, done_late")]
    [InlineData("/api/v1/directives?classification=top", "classification", "top_secret")]
    [InlineData("/api/v1/directives/export?format=pdf", "format", "csv, xlsx")]
    [InlineData("/api/v1/tasks/export?format=docx", "format", "csv, xlsx")]
    [InlineData("/api/v1/task-progress/export?format=json", "format", "csv, xlsx")]
    public async Task An_unknown_code_is_refused_naming_the_parameter_and_the_allowed_values(string url, string parameter, string allowed)
    {
        var admin = await fixture.App.AdminClientAsync();
        var response = await admin.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.TryGetProperty(parameter, out var messages).ShouldBeTrue(errors.ToString());
        messages[0].GetString()!.ShouldContain(allowed);
    }

    [Fact]
    public async Task A_parents_status_and_progress_roll_up_from_its_sub_tasks()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        // The clock stands at 10 January 2025: a sub-task due on 5 January and open is overdue; the parent's own
        // deadline (end of year) would say "in progress", but a parent is its sub-tasks' roll-up.
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-02", issuer = "Thủ tướng", title = "Roll-up",
            tasks = new object[]
            {
                new
                {
                    title = "Rolled parent", leadUnit = "MOFA-ECON", deadline = "2025-12-31",
                    subTasks = new object[]
                    {
                        new { title = "Late child", leadUnit = "MOFA-ECON", deadline = "2025-01-05" },
                        new { title = "Half child", leadUnit = "MOFA-ECON", deadline = "2025-06-30" },
                    },
                },
            },
        });
        var half = ids["Half child"];
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{half}/progress",
            new { date = "2025-01-09", percent = 50, text = "Half", version = await VersionAsync(admin, half) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var parent = await TaskAsync(admin, ids["Rolled parent"]);
        parent.GetProperty("status").GetString().ShouldBe("overdue");
        parent.GetProperty("percent").GetInt32().ShouldBe(25); // (0 + 50) / 2

        var late = ids["Late child"];
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{late}/done", new { version = await VersionAsync(admin, late) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await TaskAsync(admin, ids["Rolled parent"]);
        after.GetProperty("status").GetString().ShouldBe("in_progress"); // one done late, one in progress
        after.GetProperty("percent").GetInt32().ShouldBe(75);            // (100 + 50) / 2
        var tree = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{parent.GetProperty("directiveId").GetInt32()}", Ct);
        tree.GetProperty("tasks")[0].GetProperty("status").GetString().ShouldBe("in_progress");
    }

    [Fact]
    public async Task The_timeline_shows_a_years_deadlines_month_by_month_in_the_readers_language()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        await CreateAsync(admin, new
        {
            date = "2025-01-02", issuer = "Thủ tướng", title = "Timeline directive",
            tasks = new object[]
            {
                new { title = "Timeline task three", leadUnit = "MOFA-ECON", deadline = "2031-03-15" },
                new { title = "Timeline task eleven", leadUnit = "MOFA-ASIA1", deadline = "2031-11-30" },
                new { title = "Timeline task of next year", leadUnit = "MOFA-ASIA1", deadline = "2032-01-31" },
            },
        });
        var deadlines = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks?view=deadlines&from=2031-01-01&to=2031-12-31", Ct);
        deadlines.EnumerateArray().Select(t => t.GetProperty("title").GetString()).ShouldBe(["Timeline task three", "Timeline task eleven"]);

        var page = await PageForms.CookieClientAsync(app, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        var en = WebUtility.HtmlDecode(await page.GetStringAsync("/tasks?view=deadlines&year=2031&culture=en", Ct));
        var march = en.IndexOf("March", StringComparison.Ordinal);
        var november = en.IndexOf("November", StringComparison.Ordinal);
        march.ShouldBeGreaterThan(0);
        en.IndexOf("Timeline task three", StringComparison.Ordinal).ShouldBeInRange(march, november);
        en.IndexOf("Timeline task eleven", StringComparison.Ordinal).ShouldBeGreaterThan(november);
        en.ShouldNotContain("Timeline task of next year");
        en.ShouldNotContain("Tháng");
        var vi = WebUtility.HtmlDecode(await page.GetStringAsync("/tasks?view=deadlines&year=2031&culture=vi", Ct));
        vi.ShouldContain("Tháng 11");
        vi.ShouldNotContain("November");
    }

    [Fact]
    public async Task The_three_exports_hold_what_the_reader_may_see_in_the_import_columns()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            number = "77/TB-VPCP", date = "2025-01-03", issuer = "Thủ tướng", title = "Export directive zebra",
            tasks = new object[]
            {
                new { title = "Export parent", leadUnit = "MOFA-ECON", deadline = "2025-12-31", coordinatingUnits = new[] { "MOIT", "MPI" },
                    subTasks = new object[] { new { title = "Export child", leadUnit = "MOFA-ECON", deadline = "2025-06-30" } } },
                new { title = "Export secret", leadUnit = "MOFA-ECON", deadline = "2025-06-30", classification = "confidential" },
            },
        });
        var child = ids["Export child"];
        (await admin.PostAsJsonAsync($"/api/v1/tasks/{child}/progress",
            new { date = "2025-01-09", percent = 10, text = "Started", version = await VersionAsync(admin, child) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await app.CreateUserAsync("export-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var viewer = await app.ClientForAsync("export-viewer@test.local", ChanceryAppFactory.UserPassword);

        var directives = await viewer.GetStringAsync("/api/v1/directives/export?q=zebra", Ct);
        var lines = directives.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("id,number,date,issuer,title,text,classification,source");
        lines.Count.ShouldBe(2);
        lines[1].ShouldContain(",77/TB-VPCP,2025-01-03,Thủ tướng,Export directive zebra,,internal,");

        var tasks = await viewer.GetStringAsync("/api/v1/tasks/export?q=zebra", Ct);
        var taskLines = tasks.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        taskLines.Count.ShouldBe(3);
        taskLines.ShouldContain(l => l.Contains(",Export parent,MOFA-ECON,MOIT;MPI,2025-12-31,,false,"));
        taskLines.ShouldContain(l => l.Contains(",Export child,MOFA-ECON,,2025-06-30,"));
        tasks.ShouldNotContain("Export secret");
        (await admin.GetStringAsync("/api/v1/tasks/export?q=zebra", Ct)).ShouldContain("Export secret");

        var progress = await viewer.GetStringAsync("/api/v1/task-progress/export?q=zebra", Ct);
        progress.ShouldContain(",2025-01-09,10,Started,");
        var xlsx = await viewer.GetAsync("/api/v1/tasks/export?q=zebra&format=xlsx", Ct);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task The_edit_page_changes_a_task_and_keeps_the_old_deadline_in_its_history()
    {
        var app = fixture.App;
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-03", issuer = "Thủ tướng", title = "Edit page directive",
            tasks = new object[] { new { title = "Task to edit", leadUnit = "MOFA-ECON", deadline = "2025-06-30" } },
        });
        var id = ids["Task to edit"];
        await app.CreateUserAsync("edit-econ@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        var page = await PageForms.CookieClientAsync(app, "edit-econ@test.local", ChanceryAppFactory.UserPassword, Ct);
        (await page.GetStringAsync($"/tasks/{id}", Ct)).ShouldContain($"href=\"/tasks/{id}/edit\"");
        var form = await page.GetStringAsync($"/tasks/{id}/edit", Ct);
        form.ShouldContain("value=\"Task to edit\"");
        var saved = await PageForms.PostAsync(page, $"/tasks/{id}/edit", "task-edit", new()
        {
            ["Input.Title"] = "Task edited", ["Input.LeadUnit"] = "MOFA-ECON", ["Input.Deadline"] = "2025-09-30", ["Input.Recurrence"] = "none",
            ["Input.Classification"] = "internal", ["Input.KeyTask"] = "true", ["Input.Version"] = "0",
        }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));
        var task = await TaskAsync(admin, id);
        task.GetProperty("title").GetString().ShouldBe("Task edited");
        task.GetProperty("deadline").GetString().ShouldBe("2025-09-30");
        task.GetProperty("keyTask").GetBoolean().ShouldBeTrue();
        task.GetProperty("deadlineChanges")[0].GetProperty("previous").GetString().ShouldBe("2025-06-30");

        // A stale version is a conflict shown on the page, nothing saved.
        var stale = await PageForms.PostAsync(page, $"/tasks/{id}/edit", "task-edit", new()
        {
            ["Input.Title"] = "Stale title", ["Input.LeadUnit"] = "MOFA-ECON", ["Input.Classification"] = "internal", ["Input.Version"] = "0",
        }, Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain("conflict");
        (await TaskAsync(admin, id)).GetProperty("title").GetString().ShouldBe("Task edited");
    }
}

public sealed class TaskViewTestsOnSqlite(DirectivesSqliteApp fixture) : TaskViewTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class TaskViewTestsOnPostgres(DirectivesPostgresApp fixture) : TaskViewTests(fixture), IClassFixture<DirectivesPostgresApp>;
