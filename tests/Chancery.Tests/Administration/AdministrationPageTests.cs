using Chancery.Web.Common.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Api;
using Chancery.Web.Units;

namespace Chancery.Tests.Administration;

/// <summary>The administration forms posted the way a browser posts them (antiforgery token included).
/// English is chosen with ?culture=en so the assertions read the words an English reader sees.</summary>
public abstract partial class AdministrationPageTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stale_unit_edit_on_the_page_shows_the_current_values_and_keeps_them()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/units",
            new UnitRequest("PROV-HGG", "Tỉnh Hà Giang", "Ha Giang Province", "Province", null, null), Ct)).Content.ReadFromJsonAsync<UnitItem>(Ct);
        var form = await admin.GetStringAsync($"/units/{created!.Id}/edit?culture=en", Ct);
        // Meanwhile someone else renames it.
        (await admin.PutAsJsonAsync($"/api/v1/units/{created.Id}", created with { NameEn = "Ha Giang" }, Ct)).EnsureSuccessStatusCode();

        var html = await PostFormAsync(admin, $"/units/{created.Id}/edit?culture=en", form, "unit-edit", new()
        {
            ["Input.Version"] = "0", ["Input.Code"] = "PROV-HGG", ["Input.NameVi"] = "Tỉnh Hà Giang",
            ["Input.NameEn"] = "Ha Giang (mine)", ["Input.Kind"] = "Province", ["Input.ParentId"] = "", ["Input.CountryIso3"] = "",
        });

        html.ShouldContain("Your change was NOT saved");
        html.ShouldContain("<td>Ha Giang</td>");
        var units = await admin.GetFromJsonAsync<ListResult<UnitItem>>("/api/v1/units", Ct);
        units!.Items.Single(u => u.Code == "PROV-HGG").NameEn.ShouldBe("Ha Giang");
    }

    [Fact]
    public async Task A_weak_initial_password_on_the_new_user_page_is_reported_next_to_the_password()
    {
        var admin = await fixture.App.AdminClientAsync();
        var form = await admin.GetStringAsync("/users/new?culture=en", Ct);

        var html = await PostFormAsync(admin, "/users/new?culture=en", form, "user-create", new()
        {
            ["Input.Email"] = "weak.page@test.local", ["Input.DisplayName"] = "Weak", ["Input.UnitId"] = "",
            ["Input.Role"] = "viewer", ["Input.Clearance"] = "internal", ["Input.Password"] = "alllowercase",
        });

        html.ShouldContain("The password needs a digit.");
        html.ShouldContain("The password needs an upper-case letter.");
        var users = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct);
        users!.Items.ShouldNotContain(u => u.Email == "weak.page@test.local");
    }

    /// <summary>Every field typed on the new-user page is what is stored (the shared sub-form used to
    /// be lost on the way back: only the email survived).</summary>
    [Fact]
    public async Task A_user_made_on_the_new_user_page_is_stored_with_every_field_as_typed()
    {
        var admin = await fixture.App.AdminClientAsync();
        var unit = (await admin.GetFromJsonAsync<ListResult<UnitItem>>("/api/v1/units", Ct))!.Items.Single(u => u.Code == "EMB-LAO");
        var form = await admin.GetStringAsync("/users/new?culture=en", Ct);

        await PostFormAsync(admin, "/users/new?culture=en", form, "user-create", new()
        {
            ["Input.Email"] = "made.on.page@test.local", ["Input.DisplayName"] = "Đặng Thùy Trâm",
            ["Input.UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = "officer", ["Input.Clearance"] = "confidential", ["Input.Password"] = "Made-On-Page-2026!",
        }, expect: HttpStatusCode.Redirect);

        var user = (await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct))!.Items
            .Single(u => u.Email == "made.on.page@test.local");
        user.DisplayName.ShouldBe("Đặng Thùy Trâm");
        user.UnitCode.ShouldBe("EMB-LAO");
        user.Roles.ShouldBe(["officer"]);
        user.Clearance.ShouldBe("confidential");
        await fixture.App.ClientForAsync("made.on.page@test.local", "Made-On-Page-2026!"); // and its owner signs in
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await fixture.App.AdminClientAsync();
        await fixture.App.CreateUserAsync("to.lock@test.local", Roles.Viewer, Chancery.Web.Common.Classification.ClassificationLevel.Internal);
        var users = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct);
        var id = users!.Items.Single(u => u.Email == "to.lock@test.local").Id;
        var page = await admin.GetStringAsync($"/users/{id}/edit?culture=en", Ct);

        await PostFormAsync(admin, $"/users/{id}/edit?culture=en", page, "user-lock", [], expect: HttpStatusCode.Redirect);

        var login = await fixture.App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "to.lock@test.local", password = ChanceryAppFactory.UserPassword }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var listed = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct);
        listed!.Items.Single(u => u.Id == id).LockedOut.ShouldBeTrue();

        page = await admin.GetStringAsync($"/users/{id}/edit?culture=en", Ct);
        page.ShouldContain("Unlock account");
        await PostFormAsync(admin, $"/users/{id}/edit?culture=en", page, "user-lock", [], expect: HttpStatusCode.Redirect);

        await fixture.App.ClientForAsync("to.lock@test.local", ChanceryAppFactory.UserPassword); // signs in again
    }

    [Fact]
    public async Task An_administrator_changes_a_users_role_unit_and_clearance_on_the_edit_page()
    {
        var admin = await fixture.App.AdminClientAsync();
        await fixture.App.CreateUserAsync("to.promote@test.local", Roles.Viewer, Chancery.Web.Common.Classification.ClassificationLevel.Internal);
        var users = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct);
        var id = users!.Items.Single(u => u.Email == "to.promote@test.local").Id;
        var unit = (await admin.GetFromJsonAsync<ListResult<UnitItem>>("/api/v1/units", Ct))!.Items.Single(u => u.Code == "EMB-LAO");
        var page = await admin.GetStringAsync($"/users/{id}/edit?culture=en", Ct);

        await PostFormAsync(admin, $"/users/{id}/edit?culture=en", page, "user-edit", new()
        {
            ["Input.DisplayName"] = "Trần Thị Bình", ["Input.UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = "officer", ["Input.Clearance"] = "secret",
        }, expect: HttpStatusCode.Redirect);

        var user = (await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct))!.Items.Single(u => u.Id == id);
        user.DisplayName.ShouldBe("Trần Thị Bình");
        user.UnitCode.ShouldBe("EMB-LAO");
        user.Roles.ShouldBe(["officer"]);
        user.Clearance.ShouldBe("secret");
    }

    [Fact]
    public async Task The_user_forms_name_the_shared_fields_as_the_page_reads_them_back()
    {
        var admin = await fixture.App.AdminClientAsync();
        var users = await admin.GetFromJsonAsync<ListResult<Chancery.Web.Accounts.UserItem>>("/api/v1/users", Ct);
        var id = users!.Items.Single(u => u.Email == "admin@test.local").Id;

        foreach (var path in new[] { "/users/new", $"/users/{id}/edit" })
        {
            var html = await admin.GetStringAsync(path, Ct);
            foreach (var field in new[] { "DisplayName", "UnitId", "Role", "Clearance" })
                html.ShouldContain($"name=\"Input.{field}\"", customMessage: path);
        }
    }

    [Fact]
    public async Task A_user_changes_their_own_password_on_the_account_page()
    {
        await fixture.App.CreateUserAsync("own.password@test.local", Roles.Viewer, Chancery.Web.Common.Classification.ClassificationLevel.Public);
        var user = await fixture.App.ClientForAsync("own.password@test.local", ChanceryAppFactory.UserPassword);
        var page = await user.GetStringAsync("/account?culture=en", Ct);

        var wrong = await PostFormAsync(user, "/account?culture=en", page, "change-password", new()
        {
            ["Input.CurrentPassword"] = "not-my-password", ["Input.NewPassword"] = "Another-Password-2027!", ["Input.ConfirmPassword"] = "Another-Password-2027!",
        });
        wrong.ShouldContain("The current password is wrong.");

        var done = await PostFormAsync(user, "/account?culture=en", page, "change-password", new()
        {
            ["Input.CurrentPassword"] = ChanceryAppFactory.UserPassword, ["Input.NewPassword"] = "Another-Password-2027!", ["Input.ConfirmPassword"] = "Another-Password-2027!",
        });
        done.ShouldContain("Your password was changed.");
        await fixture.App.ClientForAsync("own.password@test.local", "Another-Password-2027!");
    }

    private static async Task<string> PostFormAsync(HttpClient client, string url, string formHtml, string handler, Dictionary<string, string> fields,
        HttpStatusCode expect = HttpStatusCode.OK)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(formHtml).Groups[1].Value;
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
        response.StatusCode.ShouldBe(expect);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class AdministrationPageTestsOnSqlite(SqliteApp fixture) : AdministrationPageTests(fixture), IClassFixture<SqliteApp>;

public sealed class AdministrationPageTestsOnPostgres(PostgresApp fixture) : AdministrationPageTests(fixture), IClassFixture<PostgresApp>;
