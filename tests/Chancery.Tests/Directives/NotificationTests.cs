using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Directives;
using Chancery.Web.Directives.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Directives;

/// <summary>The deadline warnings, run by hand with a stopped clock (the job's own timer is off): each
/// (task, event, recipient) once, whether the job runs twice or two runs go at once; the recipient's
/// clearance decides what they are told; an overdue task reaches the parent unit after the grace period
/// (3 days by default); the warning shows in the notification centre and the header's count.</summary>
public abstract class NotificationTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<DeadlineNotifier.RunResult> RunAsync(DirectivesAppFactory app) =>
        await app.Services.GetRequiredService<DeadlineNotifier>().RunAsync(Ct);

    private static async Task<List<(int Task, TaskNoticeEvent Event, string User)>> LedgerAsync(DirectivesAppFactory app)
    {
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        db.CurrentUser = SystemUser.Instance;
        return (await db.TaskNotices.AsNoTracking().Select(n => new { n.TaskId, n.Event, n.RecipientUserId }).ToListAsync(Ct))
            .Select(n => (n.TaskId, n.Event, n.RecipientUserId)).ToList();
    }

    private static async Task<string> UserIdAsync(DirectivesAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Each_warning_goes_once_to_whom_it_concerns_as_they_may_see_it_even_from_two_runs_at_once()
    {
        var app = fixture.App;
        var today = app.Clock.Today();
        await app.CreateUserAsync("econ-officer@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        await app.CreateUserAsync("mofa-chief@test.local", Roles.Viewer, ClassificationLevel.Internal, "MOFA");
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = Iso(today.AddDays(-30)), issuer = "Bộ trưởng", title = "Warnings", classification = "internal",
            tasks = new object[]
            {
                new { title = "Due in a week", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(7)) },
                new { title = "Due tomorrow", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(1)) },
                new { title = "Overdue since yesterday", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(-1)) },
                new { title = "Overdue for five days", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(-5)) },
                new { title = "Secret, due tomorrow", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(1)), classification = "secret" },
                new { title = "Due in a month", leadUnit = "MOFA-ECON", deadline = Iso(today.AddDays(30)) },
            },
        });
        var officer = await UserIdAsync(app, "econ-officer@test.local");
        var chief = await UserIdAsync(app, "mofa-chief@test.local");

        (await RunAsync(app)).Created.ShouldBe(5);
        var ledger = (await LedgerAsync(app)).Where(n => ids.ContainsValue(n.Task)).ToList();
        ledger.ShouldBe(new[]
        {
            (ids["Due in a week"], TaskNoticeEvent.DueInSevenDays, officer),
            (ids["Due tomorrow"], TaskNoticeEvent.DueTomorrow, officer),
            (ids["Overdue since yesterday"], TaskNoticeEvent.Overdue, officer),
            (ids["Overdue for five days"], TaskNoticeEvent.Overdue, officer),
            (ids["Overdue for five days"], TaskNoticeEvent.Escalated, chief),   // past the 3-day grace: the parent unit
        }, ignoreOrder: true);

        // Run again: nothing new.
        (await RunAsync(app)).Created.ShouldBe(0);
        (await LedgerAsync(app)).Count(n => ids.ContainsValue(n.Task)).ShouldBe(5);

        // Six days later, two runs at once: four new warnings (the week's task is due tomorrow; yesterday's
        // "due tomorrow" is overdue and, 5 days past, escalated; the task overdue since the first run is escalated), each recorded once.
        app.Clock.Advance(TimeSpan.FromDays(6));
        var ledgerBefore = (await LedgerAsync(app)).Count;
        var runs = await Task.WhenAll(RunAsync(app), RunAsync(app));
        // The runs also warn about the class's other tests' tasks (same database, same clock): what they
        // say they created is exactly what the ledger gained, nothing twice.
        ((await LedgerAsync(app)).Count - ledgerBefore).ShouldBe(runs.Sum(r => r.Created));
        var after = (await LedgerAsync(app)).Where(n => ids.ContainsValue(n.Task)).ToList();
        after.Count.ShouldBe(9);
        after.ShouldContain((ids["Due in a week"], TaskNoticeEvent.DueTomorrow, officer));
        after.ShouldContain((ids["Due tomorrow"], TaskNoticeEvent.Overdue, officer));
        after.ShouldContain((ids["Due tomorrow"], TaskNoticeEvent.Escalated, chief));
        after.ShouldContain((ids["Overdue since yesterday"], TaskNoticeEvent.Escalated, chief));
        after.ShouldNotContain(n => n.Task == ids["Secret, due tomorrow"]);
        after.Distinct().Count().ShouldBe(after.Count);

        // Without an SMTP server each warning left one mail in the outbox, for an administrator to read.
        admin = await app.AdminClientAsync();
        var outbox = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications/outbox", Ct)).EnumerateArray()
            .Where(m => m.GetProperty("to").GetString() is "econ-officer@test.local" or "mofa-chief@test.local")
            // this test's tasks only (the class's other tests warn the same people about theirs)
            .Where(m => ids.Values.Any(id => m.GetProperty("body").GetString()!.EndsWith($"/tasks/{id}", StringComparison.Ordinal))).ToList();
        outbox.Count.ShouldBe(9);
        outbox.ShouldAllBe(m => m.GetProperty("sentAt").ValueKind == JsonValueKind.Null);
        outbox.ShouldNotContain(m => m.GetProperty("subject").GetString()!.Contains("Secret"));

        // The officer sees them in the header's count and the notification centre.
        var page = await PageForms.CookieClientAsync(app, "econ-officer@test.local", ChanceryAppFactory.UserPassword, Ct);
        var home = await page.GetStringAsync("/", Ct);
        home.ShouldContain("class=\"notice-count\">6</span>");
        home.ShouldContain("Due in a month"); // my unit's tasks on the home page
        var centre = await page.GetStringAsync("/notifications", Ct);
        centre.ShouldContain("Overdue for five days");
        centre.ShouldNotContain("Secret");
    }

    [Fact]
    public async Task Two_app_instances_on_one_PostgreSQL_database_send_each_warning_once()
    {
        if (fixture.App.Provider != TestProvider.Postgres) return;
        var app = fixture.App;
        await using var second = new DirectivesAppFactory(TestProvider.Postgres, app.PostgresDatabase);
        second.Clock.SetUtcNow(app.Clock.GetUtcNow());
        _ = second.Server;
        var today = app.Clock.Today();
        await app.CreateUserAsync("asia-officer@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ASIA1");
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = Iso(today.AddDays(-10)), issuer = "Bộ trưởng", title = "Two instances",
            tasks = new object[] { new { title = "Asia due tomorrow", leadUnit = "MOFA-ASIA1", deadline = Iso(today.AddDays(1)) } },
        });
        var runs = await Task.WhenAll(
            second.Services.GetRequiredService<DeadlineNotifier>().RunAsync(Ct), RunAsync(app),
            second.Services.GetRequiredService<DeadlineNotifier>().RunAsync(Ct), RunAsync(app));
        (await LedgerAsync(app)).Count(n => n.Task == ids["Asia due tomorrow"]).ShouldBe(1);
    }
}

public sealed class NotificationTestsOnSqlite(DirectivesSqliteApp fixture) : NotificationTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class NotificationTestsOnPostgres(DirectivesPostgresApp fixture) : NotificationTests(fixture), IClassFixture<DirectivesPostgresApp>;
