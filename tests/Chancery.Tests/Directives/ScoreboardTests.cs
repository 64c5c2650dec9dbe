using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Tests.Directives;

/// <summary>The scoreboard on a scenario worked out by hand, through the API a reader uses, with the
/// clock moved as the year goes by. Directive dated 6 January 2025; tasks recorded on 10 January:
/// A  MOFA-ECON  due 31/03, done 31/03 at 10:00 Hanoi              → on time
/// B  MOFA-ECON  due 10/03, done 10/03 17:30 UTC = 00:30 on 11/03   → late (deadline moved to 31/03 on 20/03: still late)
/// C  MOFA-ASIA1 due 28/02, never done                             → overdue
/// D  MOFA-ASIA1 standing                                          → standing
/// E  MOFA-ASIA1 due 15/04, with sub-tasks E1 (ASIA1, 30/06) and E2 (CONS, 15/05): E itself is not counted
/// S  MOFA-CONS  due 31/01, secret, never done                     → overdue, unseen by an internal reader</summary>
public abstract class ScoreboardTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(HttpClient Admin, HttpClient Internal, Dictionary<string, int> Ids, JsonElement Before, JsonElement DirectiveB);

    private async Task<Setup> ScenarioAsync()
    {
        await fixture.Once.WaitAsync(Ct);
        try
        {
            if (fixture.Scenario is Setup done) return done;
            var app = fixture.App;
            var admin = await app.AdminClientAsync();
            await app.CreateUserAsync("reader-internal@test.local", Roles.Viewer, ClassificationLevel.Internal);
            var created = await admin.PostAsJsonAsync("/api/v1/directives", new
            {
                number = "01/TB-SB", date = "2025-01-06", issuer = "Thủ tướng Chính phủ", title = "Scoreboard scenario", classification = "internal",
                tasks = new object[]
                {
                    new { title = "A", leadUnit = "MOFA-ECON", deadline = "2025-03-31" },
                    new { title = "B", leadUnit = "MOFA-ECON", deadline = "2025-03-10" },
                    new { title = "C", leadUnit = "MOFA-ASIA1", deadline = "2025-02-28" },
                    new { title = "D", leadUnit = "MOFA-ASIA1" },
                    new { title = "E", leadUnit = "MOFA-ASIA1", deadline = "2025-04-15", subTasks = new object[]
                    {
                        new { title = "E1", leadUnit = "MOFA-ASIA1", deadline = "2025-06-30" },
                        new { title = "E2", leadUnit = "MOFA-CONS", deadline = "2025-05-15" },
                    } },
                    new { title = "S", leadUnit = "MOFA-CONS", deadline = "2025-01-31", classification = "secret" },
                },
            }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
            var ids = new Dictionary<string, int>();
            void Walk(JsonElement nodes)
            {
                foreach (var n in nodes.EnumerateArray())
                {
                    ids[n.GetProperty("title").GetString()!] = n.GetProperty("id").GetInt32();
                    Walk(n.GetProperty("subTasks"));
                }
            }
            Walk((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("tasks"));

            // B: done at 17:30 UTC on its deadline day, already 00:30 on 11 March in Hanoi.
            // (A signed-in token lasts hours, not months: each jump of the clock signs in again.)
            app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 10, 17, 30, 0, TimeSpan.Zero));
            admin = await app.AdminClientAsync();
            await DoneAsync(admin, ids["B"]);
            var before = await BoardAsync(admin, "from=2025-01-01&to=2025-12-31&asOf=2025-03-10");
            // 20 March: B's deadline is moved to 31 March, after it was done.
            app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 20, 3, 0, 0, TimeSpan.Zero));
            admin = await app.AdminClientAsync();
            var b = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{ids["B"]}", Ct);
            var moved = await admin.PutAsJsonAsync($"/api/v1/tasks/{ids["B"]}", new
            {
                title = "B", leadUnit = "MOFA-ECON", deadline = "2025-03-31", version = b.GetProperty("version").GetInt32(),
            }, Ct);
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
            // A: done on its deadline day, 10:00 in Hanoi.
            app.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 31, 3, 0, 0, TimeSpan.Zero));
            admin = await app.AdminClientAsync();
            await DoneAsync(admin, ids["A"]);
            app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero));
            admin = await app.AdminClientAsync();
            var reader = await app.ClientForAsync("reader-internal@test.local", Chancery.Tests.Infrastructure.ChanceryAppFactory.UserPassword);
            var bAfter = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{ids["B"]}", Ct);
            var setup = new Setup(admin, reader, ids, before, bAfter);
            fixture.Scenario = setup;
            return setup;
        }
        finally
        {
            fixture.Once.Release();
        }
    }

    private static async Task DoneAsync(HttpClient client, int id)
    {
        var task = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}", Ct);
        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/done", new { version = task.GetProperty("version").GetInt32() }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonElement> BoardAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/reports/task-scoreboard?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Counters(JsonElement e) =>
        $"{e.GetProperty("tasks").GetInt32()} {e.GetProperty("doneOnTime").GetInt32()} {e.GetProperty("doneLate").GetInt32()} " +
        $"{e.GetProperty("inProgress").GetInt32()} {e.GetProperty("overdue").GetInt32()} {e.GetProperty("standing").GetInt32()} " +
        (e.GetProperty("onTimeRate").ValueKind == JsonValueKind.Null ? "null" : e.GetProperty("onTimeRate").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Unit(JsonElement board, string code) =>
        Counters(board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == code));

    [Fact]
    public async Task Each_unit_and_the_total_count_as_worked_out_by_hand()
    {
        var s = await ScenarioAsync();
        var board = await BoardAsync(s.Admin, "from=2025-01-01&to=2025-12-31&asOf=2025-06-01");
        board.GetProperty("asOf").GetString().ShouldBe("2025-06-01");
        // tasks, on time, late, in progress, overdue, standing, rate
        Unit(board, "MOFA-ECON").ShouldBe("2 1 1 0 0 0 0.5");
        Unit(board, "MOFA-ASIA1").ShouldBe("2 0 0 1 1 1 0");   // C overdue, E1 in progress, D standing; E not counted
        Unit(board, "MOFA-CONS").ShouldBe("2 0 0 0 2 0 0");    // E2 and S overdue
        Counters(board.GetProperty("total")).ShouldBe("6 1 1 1 3 1 0.2");
    }

    [Fact]
    public async Task Done_at_half_past_midnight_in_Hanoi_is_the_next_day_and_late()
    {
        var s = await ScenarioAsync();
        s.DirectiveB.GetProperty("doneDate").GetString().ShouldBe("2025-03-11");
        s.DirectiveB.GetProperty("status").GetString().ShouldBe("done_late");
    }

    [Fact]
    public async Task A_deadline_moved_after_the_task_was_done_leaves_it_late_and_the_past_unchanged()
    {
        var s = await ScenarioAsync();
        s.DirectiveB.GetProperty("deadline").GetString().ShouldBe("2025-03-31");
        s.DirectiveB.GetProperty("deadlineChanges").GetArrayLength().ShouldBe(1);
        var again = await BoardAsync(s.Admin, "from=2025-01-01&to=2025-12-31&asOf=2025-03-10");
        again.GetRawText().ShouldBe(s.Before.GetRawText());
    }

    [Fact]
    public async Task As_of_a_day_before_tasks_were_done_they_were_open()
    {
        var s = await ScenarioAsync();
        // 10 March: A, B (due that very day), E1, E2 in progress; C and S overdue; D standing; nothing done.
        Counters(s.Before.GetProperty("total")).ShouldBe("6 0 0 4 2 1 0");
    }

    [Fact]
    public async Task A_period_with_nothing_due_yet_has_no_rate()
    {
        var s = await ScenarioAsync();
        var board = await BoardAsync(s.Admin, "from=2025-06-01&to=2025-06-30&asOf=2025-06-01");
        Counters(board.GetProperty("total")).ShouldBe("1 0 0 1 0 1 null"); // E1 in progress; D standing
    }

    [Fact]
    public async Task A_reader_whose_clearance_hides_a_task_gets_figures_without_it()
    {
        var s = await ScenarioAsync();
        var board = await BoardAsync(s.Internal, "from=2025-01-01&to=2025-12-31&asOf=2025-06-01");
        Unit(board, "MOFA-CONS").ShouldBe("1 0 0 0 1 0 0");
        Counters(board.GetProperty("total")).ShouldBe("5 1 1 1 2 1 0.25");
        (await s.Internal.GetAsync($"/api/v1/tasks/{s.Ids["S"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Key_tasks_are_counted_apart_and_a_wrong_period_is_refused()
    {
        var s = await ScenarioAsync();
        var bad = await s.Admin.GetAsync("/api/v1/reports/task-scoreboard?from=2025-12-31&to=2025-01-01", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var xlsx = await s.Admin.GetAsync("/api/v1/reports/task-scoreboard.xlsx?from=2025-01-01&to=2025-12-31&asOf=2025-06-01", Ct);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheets.First();
        var econ = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "MOFA-ECON");
        econ.Cell(3).GetValue<int>().ShouldBe(2);
        econ.Cell(4).GetValue<int>().ShouldBe(1);
    }
}

public sealed class ScoreboardTestsOnSqlite(DirectivesSqliteApp fixture) : ScoreboardTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class ScoreboardTestsOnPostgres(DirectivesPostgresApp fixture) : ScoreboardTests(fixture), IClassFixture<DirectivesPostgresApp>;
