using Chancery.Web.Common.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Units;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Tests.Administration;

/// <summary>Units, users and the audit trail through the API, on both providers.</summary>
public abstract class AdministrationApiTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_may_not_create_a_unit()
    {
        var viewer = await fixture.App.UserClientAsync("unit-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var response = await viewer.PostAsJsonAsync("/api/v1/units", Mission("EMB-DEU", "DEU"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_unit_created_by_an_administrator_appears_in_the_list_under_its_parent()
    {
        var admin = await fixture.App.AdminClientAsync();
        var mofa = await UnitAsync(admin, "MOFA");

        var response = await admin.PostAsJsonAsync("/api/v1/units", Mission("EMB-FRA", "fra") with { ParentId = mofa.Id }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await UnitAsync(admin, "EMB-FRA");
        created.NameEn.ShouldBe("Embassy of Vietnam in EMB-FRA");
        created.Kind.ShouldBe("Mission");
        created.ParentId.ShouldBe(mofa.Id);
        created.CountryIso3.ShouldBe("FRA"); // typed lower-case, stored as the ISO code
    }

    [Fact]
    public async Task A_unit_code_already_in_use_or_an_unknown_host_country_is_refused_per_field()
    {
        var admin = await fixture.App.AdminClientAsync();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/units", Mission("EMB-JPN", "JPN"), Ct);
        var unknownCountry = await admin.PostAsJsonAsync("/api/v1/units", Mission("EMB-XXX", "XXX"), Ct);

        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var duplicateErrors = await ErrorsAsync(duplicate);
        duplicateErrors.Keys.ShouldBe(["code"]);
        duplicateErrors["code"].ShouldBe(["Another unit already has this code."]); // English unless the caller asks otherwise
        unknownCountry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsAsync(unknownCountry)).Keys.ShouldBe(["countryIso3"]);
    }

    [Fact]
    public async Task Creating_a_user_with_a_weak_password_names_the_password_field()
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("weak@test.local", "Weak Password", null, Roles.Viewer, "internal", "short"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorsAsync(response)).Keys.ShouldBe(["password"]);
    }

    [Fact]
    public async Task A_user_created_by_an_administrator_is_listed_and_can_sign_in()
    {
        var admin = await fixture.App.AdminClientAsync();
        var unit = await UnitAsync(admin, "MOFA-EURO");

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("new.editor@test.local", "Nguyễn Văn An", unit.Id, Roles.Officer, "confidential", "Strong-Password-2026!"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var users = await admin.GetFromJsonAsync<ListResult<UserItem>>("/api/v1/users", Ct);
        var user = users!.Items.Single(u => u.Email == "new.editor@test.local");
        user.DisplayName.ShouldBe("Nguyễn Văn An");
        user.UnitCode.ShouldBe("MOFA-EURO");
        user.Roles.ShouldBe([Roles.Officer]);
        user.Clearance.ShouldBe("confidential");
        user.LockedOut.ShouldBeFalse();
        var signedIn = await fixture.App.ClientForAsync("new.editor@test.local", "Strong-Password-2026!");
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me", Ct);
        me.GetProperty("clearance").GetString().ShouldBe("confidential");
    }

    [Fact]
    public async Task Editing_a_unit_writes_one_audit_entry_with_the_before_and_after_values()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/units",
            new UnitRequest("PROV-HUE", "Thành phố Huế", "Hue Citi", "Province", null, null), Ct)).Content.ReadFromJsonAsync<UnitItem>(Ct);

        var update = await admin.PutAsJsonAsync($"/api/v1/units/{created!.Id}",
            new UnitRequest("PROV-HUE", "Thành phố Huế", "Hue City", "Province", null, null, created.Version), Ct);

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var trail = await admin.GetFromJsonAsync<ListResult<AuditRow>>($"/api/v1/audit?entityType=Unit&entityKey={created.Id}", Ct);
        trail!.Items.Count(e => e.Action == "created").ShouldBe(1);
        var updated = trail.Items.Single(e => e.Action == "updated");
        updated.Classification.ShouldBe("public");
        // A time a client in another zone reads right: as sent, it carries its offset.
        using var raw = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/audit?entityType=Unit&entityKey={created.Id}", Ct));
        raw.RootElement.GetProperty("items")[0].GetProperty("at").GetString()!.ShouldMatch(@"(Z|[+-]\d\d:\d\d)$");
        var changes = AuditChanges.Parse(updated.Changes);
        changes.ShouldContain(new AuditChange("NameEn", "Hue Citi", "Hue City"));
        changes.ShouldNotContain(c => c.Property == "NameVi" || c.Property == "Code");
    }

    [Fact]
    public async Task A_stale_edit_of_a_unit_is_refused_with_the_current_values_and_overwrites_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/units",
            new UnitRequest("PROV-CBG", "Tỉnh Cao Bằng", "Cao Bang Province", "Province", null, null), Ct)).Content.ReadFromJsonAsync<UnitItem>(Ct);
        (await admin.PutAsJsonAsync($"/api/v1/units/{created!.Id}",
            created with { NameEn = "Cao Bang" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A second editor still holds version 0.
        var stale = await admin.PutAsJsonAsync($"/api/v1/units/{created.Id}",
            new UnitRequest("PROV-CBG", "Tỉnh Cao Bằng", "Cao Bang (stale)", "Province", null, null, created.Version), Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("current").GetProperty("nameEn").GetString().ShouldBe("Cao Bang");
        problem.GetProperty("currentVersion").GetInt32().ShouldBe(1);
        (await UnitAsync(admin, "PROV-CBG")).NameEn.ShouldBe("Cao Bang");
    }

    [Fact]
    public async Task A_viewer_with_internal_clearance_cannot_read_the_audit_trail()
    {
        var viewer = await fixture.App.UserClientAsync("audit-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var response = await viewer.GetAsync("/api/v1/audit?entityType=Unit", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/units", "MOFA-ASEAN")]
    [InlineData("/units/new", "countryIso3")]
    [InlineData("/users", "admin@test.local")]
    [InlineData("/users/new", "Input.Password")]
    [InlineData("/audit", "audit-changes")]
    [InlineData("/account", "Input.NewPassword")]
    public async Task The_administration_pages_render_for_an_administrator(string path, string expected)
    {
        var admin = await fixture.App.AdminClientAsync();
        // Something to show on the audit page even when this test runs first.
        await admin.PostAsJsonAsync("/api/v1/units", new UnitRequest("PAGE-" + path.Length, "Đơn vị thử", "Test unit", "Department", null, null), Ct);

        var html = await admin.GetStringAsync(path, Ct);

        html.ShouldContain(expected, Case.Insensitive);
    }

    private static UnitRequest Mission(string code, string country) =>
        new(code, "Đại sứ quán Việt Nam tại " + code, "Embassy of Vietnam in " + code, "Mission", null, country);

    private static async Task<UnitItem> UnitAsync(HttpClient client, string code)
    {
        var units = await client.GetFromJsonAsync<ListResult<UnitItem>>("/api/v1/units", Ct);
        return units!.Items.Single(u => u.Code == code);
    }

    private static async Task<IDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct))!.Errors;

    private sealed record AuditRow(int Id, string Action, DateTimeOffset At, string EntityType, string EntityKey, string Changes, string Classification);
}

public sealed class AdministrationApiTestsOnSqlite(SqliteApp fixture) : AdministrationApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class AdministrationApiTestsOnPostgres(PostgresApp fixture) : AdministrationApiTests(fixture), IClassFixture<PostgresApp>;
