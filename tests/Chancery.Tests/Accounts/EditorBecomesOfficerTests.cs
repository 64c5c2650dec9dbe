using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Accounts;

/// <summary>A database from before the five roles: its "editor" accounts become officers at start-up,
/// keep working after one new sign-in, and keep their integrations' tokens.</summary>
public abstract class EditorBecomesOfficerTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_of_the_old_model_becomes_an_officer_signs_in_again_and_keeps_their_token()
    {
        var app = fixture.App;
        // The old model as a database holds it: an "editor" role row, no "officer" one, the first
        // administrator holding both administrator and editor.
        await using (var scope = app.SystemScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
            (await roles.DeleteAsync((await roles.FindByNameAsync(Roles.Officer))!)).Succeeded.ShouldBeTrue();
            (await roles.CreateAsync(new IdentityRole(EditorBecomesOfficer.LegacyRole))).Succeeded.ShouldBeTrue();
            var admin = (await users.FindByEmailAsync(ChanceryAppFactory.AdminEmail))!;
            (await users.AddToRoleAsync(admin, EditorBecomesOfficer.LegacyRole)).Succeeded.ShouldBeTrue();
        }
        await app.CreateUserAsync("legacy.editor@test.local", EditorBecomesOfficer.LegacyRole, ClassificationLevel.Internal, "MOFA-ECON");
        var session = await app.ClientForAsync("legacy.editor@test.local", ChanceryAppFactory.UserPassword);
        var created = await session.PostAsJsonAsync("/api/v1/tokens", new CreateTokenRequest("integration", "read_write", 30), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var token = (await created.Content.ReadFromJsonAsync<TokenCreated>(Ct))!.Token;

        await using (var scope = app.SystemScope())
            await scope.ServiceProvider.GetRequiredService<EditorBecomesOfficer>().SeedAsync(Ct);

        var administrator = await app.AdminClientAsync();
        var accounts = (await administrator.GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct))!.Items;
        accounts.Single(u => u.Email == "legacy.editor@test.local").Roles.ShouldBe([Roles.Officer]);
        accounts.Single(u => u.Email == ChanceryAppFactory.AdminEmail).Roles.ShouldBe([Roles.Administrator]);
        await using (var scope = app.SystemScope())
            (await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(EditorBecomesOfficer.LegacyRole)).ShouldBeFalse();

        // The session signed in as "editor" ends; signing in again gives an officer who edits.
        (await session.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await app.ClientForAsync("legacy.editor@test.local", ChanceryAppFactory.UserPassword);
        var person = await again.PostAsJsonAsync("/api/v1/people", new { fullName = "Trần Chuyển Đổi", side = "foreign" }, Ct);
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync(Ct));

        // The integration's token goes on working, now with the officer's rights.
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await integration.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var byToken = await integration.PostAsJsonAsync("/api/v1/people", new { fullName = "Lê Tích Hợp", side = "foreign" }, Ct);
        byToken.StatusCode.ShouldBe(HttpStatusCode.Created, await byToken.Content.ReadAsStringAsync(Ct));

        // Run again (a restart): nothing left to do, nothing changes.
        await using (var scope = app.SystemScope())
            await scope.ServiceProvider.GetRequiredService<EditorBecomesOfficer>().SeedAsync(Ct);
        (await again.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class EditorBecomesOfficerTestsOnSqlite(SqliteApp fixture) : EditorBecomesOfficerTests(fixture), IClassFixture<SqliteApp>;

public sealed class EditorBecomesOfficerTestsOnPostgres(PostgresApp fixture) : EditorBecomesOfficerTests(fixture), IClassFixture<PostgresApp>;
