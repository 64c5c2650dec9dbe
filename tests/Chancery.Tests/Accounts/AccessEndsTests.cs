using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Tests.Accounts;

/// <summary>Access ends when an administrator (or the user) ends it: a lowered clearance, a lock and a
/// sign-out reach tokens and cookies already handed out, at once.</summary>
public sealed class AccessEndsTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lowered_clearance_ends_the_bearer_token_already_issued()
    {
        var user = await fixture.App.UserClientAsync("lowered@test.local", Roles.Viewer, ClassificationLevel.Secret);
        (await user.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await fixture.App.AdminClientAsync();
        var account = await AccountAsync(admin, "lowered@test.local");

        var put = await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new UpdateUserRequest(account.DisplayName, account.UnitId, Roles.Viewer, "internal"), Ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await user.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_lock_through_the_API_sends_the_users_open_page_session_back_to_sign_in()
    {
        await fixture.App.CreateUserAsync("locked.page@test.local", Roles.Officer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "locked.page@test.local", ChanceryAppFactory.UserPassword, Ct);
        (await browser.GetAsync("/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await fixture.App.AdminClientAsync();
        var account = await AccountAsync(admin, "locked.page@test.local");

        (await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new UpdateUserRequest(account.DisplayName, account.UnitId, Roles.Officer, "internal", Locked: true), Ct)).EnsureSuccessStatusCode();

        var after = await browser.GetAsync("/activities", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/login");
        (await AccountAsync(admin, "locked.page@test.local")).LockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_anything()
    {
        await fixture.App.CreateUserAsync("replay@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "replay@test.local", ChanceryAppFactory.UserPassword, Ct);
        var home = await browser.GetAsync("/", Ct);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = home.RequestMessage!.Headers.GetValues("Cookie").Single();

        (await PageForms.PostToActionAsync(browser, "/", "/account/logout", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var attacker = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        attacker.DefaultRequestHeaders.Add("Cookie", cookie);
        var replay = await attacker.GetAsync("/activities", Ct);
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replay.Headers.Location!.ToString().ShouldContain("/login");
        (await attacker.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_without_the_pages_token_is_refused_and_the_session_goes_on()
    {
        await fixture.App.CreateUserAsync("no.token.logout@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "no.token.logout@test.local", ChanceryAppFactory.UserPassword, Ct);

        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_cleared_internal_cannot_make_or_take_over_a_more_cleared_account()
    {
        await fixture.App.CreateUserAsync("internal.admin@test.local", Roles.Administrator, ClassificationLevel.Internal);
        await fixture.App.CreateUserAsync("secret.someone@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var admin = await fixture.App.ClientForAsync("internal.admin@test.local", ChanceryAppFactory.UserPassword);
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var create = await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("topsecret.made@test.local", "Made", null, Roles.Viewer, "top_secret", "Quiet-harbour-lantern-77"), Ct);
        var secret = await AccountAsync(admin, "secret.someone@test.local");
        var lower = await admin.PutAsJsonAsync($"/api/v1/users/{secret.Id}",
            new UpdateUserRequest("Taken", null, Roles.Viewer, "internal"), Ct);

        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await create.Content.ReadAsStringAsync(Ct)).ShouldContain("above your own");
        lower.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AccountAsync(admin, "secret.someone@test.local")).Clearance.ShouldBe("secret");
        (await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<UserItem>>("/api/v1/users", Ct))!
            .Items.ShouldNotContain(u => u.Email == "topsecret.made@test.local");
    }

    [Theory]
    [InlineData("Password1!")]
    [InlineData("Qwerty12345!")]
    [InlineData("Chancery2026!")]
    public async Task A_common_password_is_refused_even_when_it_meets_the_character_rules(string password)
    {
        var admin = await fixture.App.AdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var create = await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest($"common.{password.Length}.{password[0]}@test.local", "Common", null, Roles.Viewer, "internal", password), Ct);

        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await create.Content.ReadAsStringAsync(Ct)).ShouldContain("too common");
    }

    [Fact]
    public async Task One_account_can_be_read_and_a_passphrase_is_accepted()
    {
        var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new CreateUserRequest("passphrase@test.local", "Passphrase", null, Roles.Viewer, "internal", "Mango-river-Tuesday-42"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var item = await created.Content.ReadFromJsonAsync<UserItem>(Ct);

        var read = await admin.GetFromJsonAsync<UserItem>($"/api/v1/users/{item!.Id}", Ct);

        read!.Email.ShouldBe("passphrase@test.local");
        (await admin.GetAsync("/api/v1/users/no-such-id", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<UserItem> AccountAsync(HttpClient admin, string email) =>
        (await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<UserItem>>("/api/v1/users", Ct))!.Items.Single(u => u.Email == email);
}
