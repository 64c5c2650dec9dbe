using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Security.Tokens;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Chancery.Tests.Accounts;

/// <summary>Two-step sign-in as users meet it: accounts cleared confidential and above set up an
/// authenticator after their password and then give its code at every sign-in, on the pages and the
/// API; a wrong code counts like a wrong password; an administrator can reset a lost authenticator.
/// Codes are computed here from the shared key the page shows, as the phone app would.</summary>
public sealed partial class TwoFactorSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChanceryAppFactory NewApp()
    {
        var app = new ChanceryAppFactory(TestProvider.Sqlite);
        // The production default (the factory lifts it for the other tests).
        app.Settings["SignIn:TwoFactorFrom"] = "confidential";
        return app;
    }

    private static HttpClient Browser(ChanceryAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string CodeFor(string key, DateTime? at = null) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>The code the app shows in the next 30-second step (still within the server's window), for
    /// a second sign-in right after one that used the current code.</summary>
    private static string NextCodeFor(string key) => CodeFor(key, DateTime.UtcNow.AddSeconds(30));

    /// <summary>Where a redirect goes, as a path on this site.</summary>
    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.ToString();

    private static Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password) =>
        PageForms.PostAsync(client, "/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password }, Ct);

    /// <summary>Sets up the authenticator through the enrolment page (after the password step) and
    /// answers its key and the recovery codes the page showed.</summary>
    private static async Task<(string Key, List<string> Recovery)> EnrolOnPageAsync(HttpClient client, string url, string? enrolmentCode = null)
    {
        // After the password, the one-time code from the administrator comes first.
        if (enrolmentCode is not null)
            (await PageForms.PostAsync(client, url, "enrolment-code", new() { ["EnrolmentCode"] = enrolmentCode }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
        page.ShouldContain("<img class=\"qr\" src=\"data:image/png;base64,");
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        key.Length.ShouldBeGreaterThanOrEqualTo(16);
        var done = await PageForms.PostAsync(client, url, "enrol", new() { ["Code"] = CodeFor(key) }, Ct);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await done.Content.ReadAsStringAsync(Ct);
        var recovery = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        recovery.Count.ShouldBe(10);
        return (key, recovery);
    }

    [Fact]
    public async Task A_confidential_account_sets_up_an_authenticator_after_its_password_then_signs_in_with_its_codes()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("mat@test.local", Roles.Viewer, ClassificationLevel.Confidential);
        var enrolmentCode = await IssueEnrolmentCodeAsync(app, "mat@test.local");

        var first = Browser(app);
        var step = await PasswordStepAsync(first, "mat@test.local", ChanceryAppFactory.UserPassword);
        step.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Where(step).ShouldStartWith("/login/enrol");
        // The password alone opens nothing.
        (await first.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (key, recovery) = await EnrolOnPageAsync(first, Where(step), enrolmentCode);
        (await first.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Next time: password, then the code page.
        var second = Browser(app);
        step = await PasswordStepAsync(second, "mat@test.local", ChanceryAppFactory.UserPassword);
        Where(step).ShouldStartWith("/login/code");
        (await second.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var wrong = await PageForms.PostAsync(second, "/login/code", "second-factor", new() { ["Code"] = CodeFor(key, DateTime.UtcNow.AddMinutes(-10)) }, Ct);
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("Mã không đúng");
        // The app's next code: the one that set it up was used (each code is accepted once).
        var right = await PageForms.PostAsync(second, "/login/code", "second-factor", new() { ["Code"] = NextCodeFor(key) }, Ct);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Where(right).ShouldBe("/");
        (await second.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A recovery code works once, in the same box.
        var third = Browser(app);
        await PasswordStepAsync(third, "mat@test.local", ChanceryAppFactory.UserPassword);
        (await PageForms.PostAsync(third, "/login/code", "second-factor", new() { ["Code"] = recovery[0] }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fourth = Browser(app);
        await PasswordStepAsync(fourth, "mat@test.local", ChanceryAppFactory.UserPassword);
        (await PageForms.PostAsync(fourth, "/login/code", "second-factor", new() { ["Code"] = recovery[0] }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fourth.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_code_page_without_a_password_step_sends_back_to_sign_in()
    {
        await using var app = NewApp();
        var client = Browser(app);
        var response = await client.GetAsync("/login/code", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldEndWith("/login");
        (await client.GetAsync("/login/enrol", Ct)).Headers.Location!.ToString().ShouldEndWith("/login");
    }

    [Fact]
    public async Task An_internal_account_signs_in_with_its_password_and_may_set_up_an_authenticator_of_its_own_accord()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("noibo@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var client = await PageForms.CookieClientAsync(app, "noibo@test.local", ChanceryAppFactory.UserPassword, Ct);
        (await client.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (key, _) = await EnrolOnPageAsync(client, "/account/authenticator");
        // Still signed in here after the stamp changed.
        (await client.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var api = app.CreateClient();
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "noibo@test.local", password = ChanceryAppFactory.UserPassword }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("second_factor_required");
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "noibo@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = NextCodeFor(key) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_API_login_names_the_missing_or_wrong_second_factor_and_personal_access_tokens_are_unaffected()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("toimat@test.local", Roles.Officer, ClassificationLevel.Secret);
        await app.CreateUserAsync("chua@test.local", Roles.Viewer, ClassificationLevel.Confidential);
        await app.CreateUserAsync("congkhai@test.local", Roles.Viewer, ClassificationLevel.Public);
        var key = await EnrolDirectlyAsync(app, "toimat@test.local");
        var api = app.CreateClient();

        async Task<(HttpStatusCode Status, string? Code)> LoginAsync(object body)
        {
            var response = await api.PostAsJsonAsync("/api/v1/auth/login", body, Ct);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (response.StatusCode, json.TryGetProperty("code", out var code) ? code.GetString() : null);
        }

        (await LoginAsync(new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword }))
            .ShouldBe((HttpStatusCode.Unauthorized, "second_factor_required"));
        (await LoginAsync(new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = "000000" }))
            .Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = CodeFor(key, DateTime.UtcNow.AddMinutes(-5)) }))
            .ShouldBe((HttpStatusCode.Unauthorized, "second_factor_wrong"));
        // A code with a wrong password says only that the password is wrong.
        (await LoginAsync(new { email = "toimat@test.local", password = "Wrong-Password-2026!", twoFactorCode = CodeFor(key) }))
            .ShouldBe((HttpStatusCode.Unauthorized, (string?)null));
        (await LoginAsync(new { email = "chua@test.local", password = ChanceryAppFactory.UserPassword }))
            .ShouldBe((HttpStatusCode.Unauthorized, "authenticator_not_set_up"));
        (await LoginAsync(new { email = "congkhai@test.local", password = ChanceryAppFactory.UserPassword })).Status.ShouldBe(HttpStatusCode.OK);

        var signedIn = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = CodeFor(key) }, Ct);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bearer = (await signedIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var made = await client.PostAsJsonAsync("/api/v1/tokens", new { name = "integration", scope = "read", expiresInDays = 30 }, Ct);
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        var pat = (await made.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString();
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        (await integration.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Sign-ins with the second factor, and refused codes, are in the trail; the shared key never is.
        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync(Ct);
        entries.ShouldContain(e => e.Action == AuditAction.SignedIn && e.Changes!.Contains("\"authenticator\""));
        entries.ShouldContain(e => e.Action == AuditAction.SignInFailed && e.Changes!.Contains("wrong_second_factor"));
        entries.ShouldNotContain(e => e.Changes != null && e.Changes.Contains(key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_per_address_limit_and_never_lock_the_account()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("toimat@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var key = await EnrolDirectlyAsync(app, "toimat@test.local");
        var api = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            answers.Add((await api.PostAsJsonAsync("/api/v1/auth/login",
                new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = CodeFor(key, DateTime.UtcNow.AddHours(-1 - i)) }, Ct)).StatusCode);
        answers.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = CodeFor(key) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var user = await users.FindByEmailAsync("toimat@test.local");
        (await users.IsLockedOutAsync(user!)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_authenticator_which_ends_the_sessions_and_is_audited()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("toimat@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var key = await EnrolDirectlyAsync(app, "toimat@test.local");
        var adminKey = await EnrolDirectlyAsync(app, ChanceryAppFactory.AdminEmail);
        var admin = await BearerAsync(app, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, adminKey);
        var user = await BearerAsync(app, "toimat@test.local", ChanceryAppFactory.UserPassword, key);
        (await user.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var integration = await PersonalAccessTokenAsync(app, user);
        (await integration.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await IdOfAsync(app, "toimat@test.local");

        var reset = await admin.PostAsync($"/api/v1/users/{id}/authenticator/reset", null, Ct);
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("twoFactorEnabled").GetBoolean().ShouldBeFalse();

        (await user.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Whoever holds the lost phone may hold a token made with it: that ends too.
        (await integration.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = "toimat@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode = CodeFor(key) }, Ct);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("authenticator_not_set_up");
        (await admin.PostAsync("/api/v1/users/nobody/authenticator/reset", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = app.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var entry = (await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.AuthenticatorReset && e.EntityKey == id).ToListAsync(Ct))
            .ShouldHaveSingleItem();
        entry.UserName.ShouldBe(ChanceryAppFactory.AdminEmail);
        entry.Changes.ShouldNotBeNull().ShouldContain("TokensRevoked");
        var token = await db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.UserId == id, Ct);
        token.RevokedAt.ShouldNotBeNull();
        token.RevokedBy.ShouldBe(await IdOfAsync(app, ChanceryAppFactory.AdminEmail));
    }

    [Fact]
    public async Task Resetting_an_authenticator_on_the_users_page_ends_the_accounts_personal_access_tokens()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("mattoken@test.local", Roles.Officer, ClassificationLevel.Confidential);
        var key = await EnrolDirectlyAsync(app, "mattoken@test.local");
        var integration = await PersonalAccessTokenAsync(app, await BearerAsync(app, "mattoken@test.local", ChanceryAppFactory.UserPassword, key));
        (await integration.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var adminKey = await EnrolDirectlyAsync(app, ChanceryAppFactory.AdminEmail);
        var admin = Browser(app);
        await PasswordStepAsync(admin, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword);
        (await PageForms.PostAsync(admin, "/login/code", "second-factor", new() { ["Code"] = CodeFor(adminKey) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await IdOfAsync(app, "mattoken@test.local");
        var reset = await PageForms.PostAsync(admin, $"/users/{id}/edit", "user-authenticator-reset", new(), Ct);
        // The page stays to show the new enrolment code once, with the reset's notice.
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync(Ct)).ShouldContain("mã truy cập cá nhân");

        (await integration.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_code_once_accepted_is_refused_again_on_the_page_the_API_and_another_instance()
    {
        await using var app = NewApp();
        await app.CreateUserAsync("motlan@test.local", Roles.Viewer, ClassificationLevel.Secret);
        var key = await EnrolDirectlyAsync(app, "motlan@test.local");
        var code = CodeFor(key);

        // The page takes the code once.
        var first = Browser(app);
        await PasswordStepAsync(first, "motlan@test.local", ChanceryAppFactory.UserPassword);
        var accepted = await PageForms.PostAsync(first, "/login/code", "second-factor", new() { ["Code"] = code }, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Where(accepted).ShouldBe("/");

        // The same code again, well within its 90 seconds: refused on the page ...
        var second = Browser(app);
        await PasswordStepAsync(second, "motlan@test.local", ChanceryAppFactory.UserPassword);
        var replayed = await PageForms.PostAsync(second, "/login/code", "second-factor", new() { ["Code"] = code }, Ct);
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync(Ct)).ShouldContain("Mã không đúng");
        (await second.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // ... on the API ...
        async Task<(HttpStatusCode Status, string? Code)> LoginAsync(ChanceryAppFactory instance, string twoFactorCode)
        {
            var response = await instance.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
                new { email = "motlan@test.local", password = ChanceryAppFactory.UserPassword, twoFactorCode }, Ct);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (response.StatusCode, json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) ? c.GetString() : null);
        }
        (await LoginAsync(app, code)).ShouldBe((HttpStatusCode.Unauthorized, "second_factor_wrong"));

        // ... and by another instance of the app on the same database (the other server behind the load balancer).
        await using var other = new ChanceryAppFactory(TestProvider.Sqlite);
        other.Settings["SignIn:TwoFactorFrom"] = "confidential";
        other.Settings["ConnectionStrings:Chancery"] = app.ConnectionString;
        (await LoginAsync(other, code)).ShouldBe((HttpStatusCode.Unauthorized, "second_factor_wrong"));

        // Only a used code is refused: the app's next one signs in.
        (await LoginAsync(other, NextCodeFor(key))).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A one-time enrolment code for an account made without the writer, as an administrator would issue it.</summary>
    private static async Task<string> IssueEnrolmentCodeAsync(ChanceryAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync(email))!;
        return (await scope.ServiceProvider.GetRequiredService<Chancery.Web.Accounts.EnrolmentCodes>().IssueAsync(user, "test", Ct)).Code;
    }

    /// <summary>Sets up an authenticator as the enrolment page does, for tests about what comes after.</summary>
    private static async Task<string> EnrolDirectlyAsync(ChanceryAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private static async Task<string> IdOfAsync(ChanceryAppFactory app, string email)
    {
        await using var scope = app.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<HttpClient> BearerAsync(ChanceryAppFactory app, string email, string password, string key)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode = CodeFor(key) }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client carrying a new read-write personal access token made by <paramref name="owner"/>.</summary>
    private static async Task<HttpClient> PersonalAccessTokenAsync(ChanceryAppFactory app, HttpClient owner)
    {
        var made = await owner.PostAsJsonAsync("/api/v1/tokens", new { name = "integration", scope = "read_write", expiresInDays = 30 }, Ct);
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await made.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString());
        return client;
    }

    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
