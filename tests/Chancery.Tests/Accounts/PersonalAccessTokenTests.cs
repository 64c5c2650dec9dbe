using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Accounts;

/// <summary>Personal access tokens as an integration meets them (API, through HTTP) and as a user makes
/// them (the account page's form).</summary>
public sealed class PersonalAccessTokenTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Created(TokenItem Item, string Token);

    private async Task<Created> CreateAsync(HttpClient signedIn, string scope, string name = "integration", int days = 30)
    {
        var response = await signedIn.PostAsJsonAsync("/api/v1/tokens", new CreateTokenRequest(name, scope, days), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<Created>(Ct))!;
    }

    private HttpClient With(string token)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public async Task A_created_token_opens_the_API_as_its_user_is_listed_without_its_secret_and_only_its_hash_is_stored()
    {
        var owner = await fixture.App.UserClientAsync("pat.owner@test.local", Roles.Officer, ClassificationLevel.Internal);

        var created = await CreateAsync(owner, "read", "Province sync");
        var asToken = await With(created.Token).GetAsync("/api/v1/auth/me", Ct);
        var list = await owner.GetStringAsync("/api/v1/tokens", Ct);

        created.Token.ShouldStartWith("chpat_");
        created.Token.Length.ShouldBe(49);
        asToken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asToken.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("email").GetString().ShouldBe("pat.owner@test.local");
        (await With(created.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("Province sync");
        list.ShouldNotContain(created.Token);
        list.ShouldContain(created.Token[..10]);

        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var row = await db.Set<PersonalAccessToken>().AsNoTracking().SingleAsync(t => t.Id == created.Item.Id, Ct);
        row.SecretHash.ShouldBe(Sha256Hex(created.Token));
        var rest = created.Token[10..];
        new[] { row.Name, row.Hint, row.SecretHash, row.AccountFingerprint, row.UserId }.Where(v => v.Contains(rest)).ShouldBeEmpty();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(PersonalAccessToken) && e.EntityKey == created.Item.Id.ToString()).ToListAsync(Ct);
        audit.ShouldContain(e => e.Action == Chancery.Web.Common.Audit.AuditAction.Created);
        audit.ShouldAllBe(e => !e.Changes.Contains(row.SecretHash));
    }

    [Fact]
    public async Task A_read_only_token_reads_but_every_write_is_refused_and_a_read_write_token_writes()
    {
        var owner = await fixture.App.UserClientAsync("pat.reader@test.local", Roles.Officer, ClassificationLevel.Internal);
        var reader = With((await CreateAsync(owner, "read")).Token);
        var writer = With((await CreateAsync(owner, "read_write")).Token);
        var body = new { code = "PAT", nameVi = "Đơn vị thử", nameEn = "Token unit", kind = "department" };

        (await reader.GetAsync("/api/v1/people", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await reader.PostAsJsonAsync("/api/v1/people", new { fullName = "Nguyễn Văn Token", side = "domestic" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("scope");
        (await writer.PostAsJsonAsync("/api/v1/people", new { fullName = "Nguyễn Văn Token", side = "domestic" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Within its scope the token is still its user: an editor's token cannot do an administrator's work.
        (await writer.PostAsJsonAsync("/api/v1/units", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_cannot_make_tokens_and_a_calendar_token_opens_no_API_address()
    {
        var owner = await fixture.App.UserClientAsync("pat.mint@test.local", Roles.Officer, ClassificationLevel.Internal);
        var writer = With((await CreateAsync(owner, "read_write")).Token);
        var calendar = With((await CreateAsync(owner, "calendar")).Token);

        (await writer.PostAsJsonAsync("/api/v1/tokens", new CreateTokenRequest("successor", "read_write", 365), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await calendar.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once_and_an_expired_one_too()
    {
        var owner = await fixture.App.UserClientAsync("pat.revoke@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var revoked = await CreateAsync(owner, "read");
        var expiring = await CreateAsync(owner, "read");
        (await With(revoked.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await With(expiring.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.DeleteAsync($"/api/v1/tokens/{revoked.Item.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using (var scope = fixture.App.SystemScope())
        {
            // Time passing: the token's end moved into the past.
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            await db.Set<PersonalAccessToken>().Where(t => t.Id == expiring.Item.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct);
        }

        (await With(revoked.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await With(expiring.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var list = await owner.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<TokenItem>>("/api/v1/tokens", Ct);
        list!.Items.Single(t => t.Id == revoked.Item.Id).Status.ShouldBe("revoked");
        list.Items.Single(t => t.Id == expiring.Item.Id).Status.ShouldBe("expired");
        await using var check = fixture.App.SystemScope();
        var audit = check.ServiceProvider.GetRequiredService<ChanceryDbContext>().AuditEntries.AsNoTracking();
        (await audit.AnyAsync(e => e.EntityType == nameof(PersonalAccessToken) && e.EntityKey == revoked.Item.Id.ToString()
            && e.Action == Chancery.Web.Common.Audit.AuditAction.Updated && e.Changes.Contains("RevokedAt"), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_lock_a_lowered_clearance_or_a_new_password_ends_the_users_tokens_but_signing_out_does_not()
    {
        var admin = await fixture.App.AdminClientAsync();
        var locked = await fixture.App.UserClientAsync("pat.locked@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var lowered = await fixture.App.UserClientAsync("pat.lowered@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var lockedToken = With((await CreateAsync(locked, "read")).Token);
        var loweredToken = With((await CreateAsync(lowered, "read")).Token);
        await fixture.App.CreateUserAsync("pat.password@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "pat.password@test.local", ChanceryAppFactory.UserPassword, Ct);
        var passwordToken = With((await CreateAsync(await fixture.App.ClientForAsync("pat.password@test.local", ChanceryAppFactory.UserPassword), "read")).Token);
        var users = (await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<UserItem>>("/api/v1/users", Ct))!.Items;

        // Signing out of the pages renews the session stamp; an integration's token is not a session.
        (await PageForms.PostToActionAsync(browser, "/", "/account/logout", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await passwordToken.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lockAccount = users.Single(u => u.Email == "pat.locked@test.local");
        (await admin.PutAsJsonAsync($"/api/v1/users/{lockAccount.Id}",
            new UpdateUserRequest(lockAccount.DisplayName, lockAccount.UnitId, Roles.Viewer, "internal", Locked: true), Ct)).EnsureSuccessStatusCode();
        var lowerAccount = users.Single(u => u.Email == "pat.lowered@test.local");
        (await admin.PutAsJsonAsync($"/api/v1/users/{lowerAccount.Id}",
            new UpdateUserRequest(lowerAccount.DisplayName, lowerAccount.UnitId, Roles.Viewer, "internal"), Ct)).EnsureSuccessStatusCode();
        var browser2 = await PageForms.CookieClientAsync(fixture.App, "pat.password@test.local", ChanceryAppFactory.UserPassword, Ct);
        (await PageForms.PostAsync(browser2, "/account", "change-password", new()
        {
            ["Input.CurrentPassword"] = ChanceryAppFactory.UserPassword,
            ["Input.NewPassword"] = "Lantern-orchard-Thursday-58", ["Input.ConfirmPassword"] = "Lantern-orchard-Thursday-58",
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await lockedToken.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await loweredToken.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await passwordToken.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrator_lists_and_revokes_anyones_token_and_another_user_cannot()
    {
        var owner = await fixture.App.UserClientAsync("pat.someone@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var other = await fixture.App.UserClientAsync("pat.other@test.local", Roles.Officer, ClassificationLevel.Internal);
        var created = await CreateAsync(owner, "read", "Someone's job");
        var admin = await fixture.App.AdminClientAsync();

        (await other.DeleteAsync($"/api/v1/tokens/{created.Item.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync("/api/v1/tokens/all", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetStringAsync("/api/v1/tokens", Ct)).ShouldNotContain("Someone's job");
        (await With(created.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<TokenItem>>("/api/v1/tokens/all", Ct);
        all!.Items.ShouldContain(t => t.Id == created.Item.Id && t.UserEmail == "pat.someone@test.local");

        (await admin.DeleteAsync($"/api/v1/tokens/{created.Item.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await With(created.Token).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("", "read", 30, "name")]
    [InlineData("job", "admin", 30, "scope")]
    [InlineData("job", "read", 366, "expiresInDays")]
    [InlineData("job", "read", null, "expiresInDays")]
    public async Task A_token_needs_a_name_a_known_scope_and_an_expiry_within_a_year(string name, string scope, int? days, string field)
    {
        var owner = await fixture.App.UserClientAsync("pat.invalid@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var response = await owner.PostAsJsonAsync("/api/v1/tokens", new CreateTokenRequest(name, scope, days), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Last_use_is_recorded_once_a_minute_not_on_every_request()
    {
        var owner = await fixture.App.UserClientAsync("pat.lastuse@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var created = await CreateAsync(owner, "read");
        var client = With(created.Token);

        (await client.GetAsync("/api/v1/auth/me", Ct)).EnsureSuccessStatusCode();
        var first = await LastUsedAsync(created.Item.Id);
        (await client.GetAsync("/api/v1/auth/me", Ct)).EnsureSuccessStatusCode();
        var second = await LastUsedAsync(created.Item.Id);

        first.ShouldNotBeNull();
        second.ShouldBe(first);
    }

    private async Task<DateTimeOffset?> LastUsedAsync(int id)
    {
        await using var scope = fixture.App.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().Set<PersonalAccessToken>().AsNoTracking()
            .Where(t => t.Id == id).Select(t => t.LastUsedAt).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_account_page_creates_a_token_shows_it_once_and_revokes_it()
    {
        await fixture.App.CreateUserAsync("pat.page@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "pat.page@test.local", ChanceryAppFactory.UserPassword, Ct);

        var created = await PageForms.PostAsync(browser, "/account", "create-token", new()
        {
            ["TokenInput.Name"] = "Reporting script", ["TokenInput.Scope"] = "read_write", ["TokenInput.ExpiresInDays"] = "30",
        }, Ct);
        var html = await created.Content.ReadAsStringAsync(Ct);
        var secret = System.Text.RegularExpressions.Regex.Match(html, "chpat_[A-Za-z0-9_-]{43}").Value;
        var later = await browser.GetStringAsync("/account", Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        secret.ShouldNotBeEmpty();
        (await With(secret).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        later.ShouldContain("Reporting script");
        later.ShouldNotContain(secret);
        // Made as the form said: read and write, for 30 days (neither the default read scope nor 90 days).
        var item = (await browser.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<TokenItem>>("/api/v1/tokens", Ct))!.Items.ShouldHaveSingleItem();
        item.Scope.ShouldBe("read_write");
        (item.ExpiresAt - item.CreatedAt).TotalDays.ShouldBe(30, tolerance: 0.01);

        var id = System.Text.RegularExpressions.Regex.Match(later, "data-token=\"(\\d+)\"").Groups[1].Value;
        var revoked = await PageForms.PostAsync(browser, "/account", $"revoke-token-{id}", new(), Ct);

        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await With(secret).GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
