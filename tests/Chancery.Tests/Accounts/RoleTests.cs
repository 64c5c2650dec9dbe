using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using static Chancery.Tests.Directives.DirectiveApi;

namespace Chancery.Tests.Accounts;

/// <summary>The five roles at work, each through the door its user uses (the API with a bearer token,
/// the pages with a cookie): a viewer writes nothing; an officer and a unit manager change only their
/// unit subtree's tasks, a leader any unit's; a unit manager manages the officers and viewers of their
/// subtree and no one else; nobody grants a role or clearance above their own; a role change ends the
/// sessions already open.</summary>
public abstract class RoleTests(AppFixture fixture)
{
    private ChanceryAppFactory app => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string email, string role, string unit, ClassificationLevel clearance = ClassificationLevel.Internal)
    {
        await app.CreateUserAsync(email, role, clearance, unit);
        var client = await app.ClientForAsync(email, ChanceryAppFactory.UserPassword);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private async Task<UserItem> AccountAsync(string email)
    {
        var admin = await app.AdminClientAsync();
        var list = await admin.GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct);
        return list!.Items.Single(u => u.Email == email);
    }

    private async Task<int> TaskOfAsync(string title, string leadUnit)
    {
        var admin = await app.AdminClientAsync();
        var ids = await CreateAsync(admin, new
        {
            date = "2025-01-06", issuer = "Thủ tướng", title = "Directive for " + title,
            tasks = new object[] { new { title, leadUnit, deadline = "2030-12-31" } },
        });
        return ids[title];
    }

    private static async Task ShouldBeForbiddenProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32().ShouldBe(403);
    }

    [Fact]
    public async Task A_viewer_writes_nothing_the_API_answers_403_and_a_page_refuses_in_Vietnamese()
    {
        var viewer = await ClientAsync("role.viewer@test.local", Roles.Viewer, "MOFA-ASIA1");
        var task = await TaskOfAsync("Viewer's unit task", "MOFA-ASIA1");

        await ShouldBeForbiddenProblemAsync(await viewer.PostAsJsonAsync("/api/v1/people", new { fullName = "Nobody" }, Ct));
        await ShouldBeForbiddenProblemAsync(await viewer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { date = "2025-02-01", percent = 10, text = "Viewer", version = 0 }, Ct));
        (await viewer.GetAsync($"/api/v1/tasks/{task}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK); // reads

        var page = await PageForms.CookieClientAsync(app, "role.viewer@test.local", ChanceryAppFactory.UserPassword, Ct);
        var edit = await page.GetAsync("/people/new", Ct);
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edit.Headers.Location!.ToString().ShouldContain("/access-denied");
        WebUtility.HtmlDecode(await page.GetStringAsync(edit.Headers.Location, Ct)).ShouldContain("Vai trò của bạn không cho phép thao tác này.");
    }

    [Fact]
    public async Task An_officer_and_a_unit_manager_change_only_their_subtrees_tasks_a_leader_marks_any_units_task_done()
    {
        var task = await TaskOfAsync("Economic diplomacy task", "MOFA-ECON");
        var officer = await ClientAsync("role.officer.asia@test.local", Roles.Officer, "MOFA-ASIA1");
        var manager = await ClientAsync("role.manager.asia@test.local", Roles.UnitManager, "MOFA-ASIA1");
        var econManager = await ClientAsync("role.manager.econ@test.local", Roles.UnitManager, "MOFA-ECON");
        var leader = await ClientAsync("role.leader@test.local", Roles.Leader, "MOFA-ASIA1");

        var refused = await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/done", new { version = await VersionAsync(officer, task) }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("TaskNotYourUnit");
        (await manager.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { date = "2025-02-01", percent = 10, text = "Not ours", version = await VersionAsync(manager, task) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TaskAsync(officer, task)).GetProperty("canEdit").GetBoolean().ShouldBeFalse();

        var reported = await econManager.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { date = "2025-02-01", percent = 40, text = "Ours", version = await VersionAsync(econManager, task) }, Ct);
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(Ct));

        (await TaskAsync(leader, task)).GetProperty("canEdit").GetBoolean().ShouldBeTrue();
        var done = await leader.PostAsJsonAsync($"/api/v1/tasks/{task}/done", new { version = await VersionAsync(leader, task) }, Ct);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync(Ct));
        (await TaskAsync(leader, task)).GetProperty("doneDate").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_leader_edits_records_but_administers_nothing()
    {
        var leader = await ClientAsync("role.leader.admin@test.local", Roles.Leader, "MOFA");

        await ShouldBeForbiddenProblemAsync(await leader.GetAsync("/api/v1/users", Ct));
        await ShouldBeForbiddenProblemAsync(await leader.GetAsync("/api/v1/audit", Ct));
        await ShouldBeForbiddenProblemAsync(await leader.PostAsJsonAsync("/api/v1/units", new { code = "LEAD-X" }, Ct));
        var person = await leader.PostAsJsonAsync("/api/v1/people", new { fullName = "Nguyễn Lãnh Đạo", side = "foreign" }, Ct);
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_unit_manager_locks_an_officer_of_their_subtree_but_not_one_outside_it_nor_an_administrator()
    {
        var manager = await ClientAsync("um.lock@test.local", Roles.UnitManager, "MOFA-ASIA1");
        await app.CreateUserAsync("um.lock.own@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ASIA1");
        await app.CreateUserAsync("um.lock.other@test.local", Roles.Officer, ClassificationLevel.Internal, "MOFA-ECON");
        await app.CreateUserAsync("um.lock.admin@test.local", Roles.Administrator, ClassificationLevel.Internal, "MOFA-ASIA1");
        var own = await AccountAsync("um.lock.own@test.local");
        var other = await AccountAsync("um.lock.other@test.local");
        var admin = await AccountAsync("um.lock.admin@test.local");

        var locked = await manager.PutAsJsonAsync($"/api/v1/users/{own.Id}",
            new UpdateUserRequest(own.DisplayName, own.UnitId, Roles.Officer, "internal", Locked: true), Ct);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK, await locked.Content.ReadAsStringAsync(Ct));
        (await AccountAsync("um.lock.own@test.local")).LockedOut.ShouldBeTrue();

        await ShouldBeForbiddenProblemAsync(await manager.PutAsJsonAsync($"/api/v1/users/{other.Id}",
            new UpdateUserRequest(other.DisplayName, other.UnitId, Roles.Officer, "internal", Locked: true), Ct));
        await ShouldBeForbiddenProblemAsync(await manager.PutAsJsonAsync($"/api/v1/users/{admin.Id}",
            new UpdateUserRequest(admin.DisplayName, admin.UnitId, Roles.Viewer, "internal", Locked: true), Ct));
        await ShouldBeForbiddenProblemAsync(await manager.GetAsync($"/api/v1/users/{admin.Id}", Ct));
        (await AccountAsync("um.lock.other@test.local")).LockedOut.ShouldBeFalse();
        (await AccountAsync("um.lock.admin@test.local")).LockedOut.ShouldBeFalse();
        (await AccountAsync("um.lock.admin@test.local")).Roles.ShouldBe([Roles.Administrator]);

        var mine = (await manager.GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct))!.Items.Select(u => u.Email).ToList();
        mine.ShouldContain("um.lock.own@test.local");
        mine.ShouldNotContain("um.lock.other@test.local");
        mine.ShouldNotContain("um.lock.admin@test.local");
        mine.ShouldNotContain("um.lock@test.local"); // not even their own account: nobody promotes themselves

        // The page says the same in the reader's language, and shows none of the account's fields.
        var page = await PageForms.CookieClientAsync(app, "um.lock@test.local", ChanceryAppFactory.UserPassword, Ct);
        var refusal = WebUtility.HtmlDecode(await page.GetStringAsync($"/users/{admin.Id}/edit", Ct));
        refusal.ShouldContain("Bạn không quản lý tài khoản này");
        refusal.ShouldNotContain("Input.Role");
    }

    [Fact]
    public async Task Nobody_grants_a_role_or_clearance_above_their_own_through_the_API()
    {
        var manager = await ClientAsync("um.grant@test.local", Roles.UnitManager, "MOFA-ASIA1", ClassificationLevel.Confidential);
        var asia = (await AccountAsync("um.grant@test.local")).UnitId;
        await app.CreateUserAsync("role.seed.econ@test.local", Roles.Viewer, ClassificationLevel.Internal, "MOFA-ECON");
        var econ = (await AccountAsync("role.seed.econ@test.local")).UnitId;

        async Task<JsonElement> RefusedAsync(string email, string role, int? unit, string clearance)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/users",
                new CreateUserRequest(email, "Made", unit, role, clearance, "Quiet-harbour-lantern-77"), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        }
        (await RefusedAsync("um.made.leader@test.local", Roles.Leader, asia, "internal")).TryGetProperty("role", out _).ShouldBeTrue();
        (await RefusedAsync("um.made.peer@test.local", Roles.UnitManager, asia, "internal")).TryGetProperty("role", out _).ShouldBeTrue();
        (await RefusedAsync("um.made.admin@test.local", Roles.Administrator, asia, "internal")).GetProperty("role")[0].GetString()!.ShouldContain("above their own");
        (await RefusedAsync("um.made.elsewhere@test.local", Roles.Officer, econ, "internal")).TryGetProperty("unitId", out _).ShouldBeTrue();
        (await RefusedAsync("um.made.nounit@test.local", Roles.Officer, null, "internal")).TryGetProperty("unitId", out _).ShouldBeTrue();
        (await RefusedAsync("um.made.secret@test.local", Roles.Officer, asia, "secret")).TryGetProperty("clearance", out _).ShouldBeTrue();

        var made = await manager.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("um.made.officer@test.local", "Made", asia, Roles.Officer, "confidential", "Quiet-harbour-lantern-77"), Ct);
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync(Ct));
        var officer = (await made.Content.ReadFromJsonAsync<UserItem>(Ct))!;
        var promote = await manager.PutAsJsonAsync($"/api/v1/users/{officer.Id}",
            new UpdateUserRequest("Made", asia, Roles.Leader, "confidential"), Ct);
        promote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AccountAsync("um.made.officer@test.local")).Roles.ShouldBe([Roles.Officer]);
        var emails = (await (await app.AdminClientAsync()).GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct))!.Items.Select(u => u.Email).ToList();
        emails.ShouldNotContain("um.made.leader@test.local");
        emails.ShouldNotContain("um.made.admin@test.local");

        // Roles that manage no accounts cannot open the accounts API at all.
        var officerClient = await ClientAsync("role.officer.grant@test.local", Roles.Officer, "MOFA-ASIA1");
        await ShouldBeForbiddenProblemAsync(await officerClient.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("officer.made@test.local", "Made", asia, Roles.Viewer, "internal", "Quiet-harbour-lantern-77"), Ct));
    }

    [Fact]
    public async Task The_user_form_offers_a_unit_manager_only_what_they_may_grant_and_refuses_the_rest_beside_the_field()
    {
        await app.CreateUserAsync("um.form@test.local", Roles.UnitManager, ClassificationLevel.Confidential, "MOFA-ASIA1");
        var page = await PageForms.CookieClientAsync(app, "um.form@test.local", ChanceryAppFactory.UserPassword, Ct);
        var asia = (await AccountAsync("um.form@test.local")).UnitId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var form = await page.GetStringAsync("/users/new", Ct);
        var roles = System.Text.RegularExpressions.Regex.Matches(form, "<option value=\"([a-z_]+)\"").Select(m => m.Groups[1].Value).ToList();
        roles.ShouldContain(Roles.Officer);
        roles.ShouldContain(Roles.Viewer);
        roles.ShouldNotContain(Roles.Administrator);
        roles.ShouldNotContain(Roles.Leader);
        roles.ShouldNotContain(Roles.UnitManager);
        roles.ShouldNotContain("secret");

        // A forged post asking for more than the picker offers comes back with the refusal beside the field.
        var forged = await PageForms.PostAsync(page, "/users/new", "user-create", new()
        {
            ["Input.Email"] = "um.form.made@test.local", ["Input.DisplayName"] = "Forged", ["Input.UnitId"] = asia,
            ["Input.Role"] = Roles.Administrator, ["Input.Clearance"] = "internal", ["Input.Password"] = "Made-On-Page-2026!",
        }, Ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct)).ShouldContain("Bạn không được cấp vai trò này");
        (await (await app.AdminClientAsync()).GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct))!
            .Items.ShouldNotContain(u => u.Email == "um.form.made@test.local");

        var made = await PageForms.PostAsync(page, "/users/new", "user-create", new()
        {
            ["Input.Email"] = "um.form.made@test.local", ["Input.DisplayName"] = "Made", ["Input.UnitId"] = asia,
            ["Input.Role"] = Roles.Officer, ["Input.Clearance"] = "internal", ["Input.Password"] = "Made-On-Page-2026!",
        }, Ct);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, await made.Content.ReadAsStringAsync(Ct));
        (await AccountAsync("um.form.made@test.local")).Roles.ShouldBe([Roles.Officer]);
    }

    [Fact]
    public async Task A_role_change_ends_the_bearer_token_and_the_page_session_already_open()
    {
        var officer = await ClientAsync("role.changed@test.local", Roles.Officer, "MOFA-ASIA1");
        var page = await PageForms.CookieClientAsync(app, "role.changed@test.local", ChanceryAppFactory.UserPassword, Ct);
        (await page.GetAsync("/people/new", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var account = await AccountAsync("role.changed@test.local");

        var admin = await app.AdminClientAsync();
        (await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new UpdateUserRequest(account.DisplayName, account.UnitId, Roles.Viewer, account.Clearance), Ct)).EnsureSuccessStatusCode();

        (await officer.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await page.GetAsync("/people/new", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/login");
        var again = await app.ClientForAsync("role.changed@test.local", ChanceryAppFactory.UserPassword);
        (await again.PostAsJsonAsync("/api/v1/people", new { fullName = "Too late" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class RoleTestsOnSqlite(SqliteApp fixture) : RoleTests(fixture), IClassFixture<SqliteApp>;

public sealed class RoleTestsOnPostgres(PostgresApp fixture) : RoleTests(fixture), IClassFixture<PostgresApp>;
