using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Chancery.Tests.Accounts;

/// <summary>The one-time enrolment code, as the people involved meet it: the administrator's action (API or
/// users pages) answers a code once; after the right password, the enrolment page asks for that code
/// before it shows the authenticator's key; a wrong, used, expired or another account's code is refused
/// (counted and audited); a reset or an administrator's request issues a new one. The app's clock is a
/// fake, so expiry is tested without waiting; authenticator codes are computed at that clock's time.</summary>
public abstract partial class EnrolmentCodeTests(TestProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class EnrolmentApp(TestProvider provider) : ChanceryAppFactory(provider)
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private EnrolmentApp NewApp()
    {
        if (provider == TestProvider.Postgres && TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        var app = new EnrolmentApp(provider);
        // The production default: confidential and above sign in with an authenticator.
        app.Settings["SignIn:TwoFactorFrom"] = "confidential";
        return app;
    }

    private static HttpClient Browser(ChanceryAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string TotpFor(EnrolmentApp app, string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.ToString();

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private static Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password) =>
        PageForms.PostAsync(client, "/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password }, Ct);

    private static Task<HttpResponseMessage> TypeCodeAsync(HttpClient client, string code) =>
        PageForms.PostAsync(client, "/login/enrol", "enrolment-code", new() { ["EnrolmentCode"] = code }, Ct);

    /// <summary>The administrator (top secret) with an authenticator set up behind the scenes, signed in to the API with its code.</summary>
    private static async Task<HttpClient> AdminApiAsync(EnrolmentApp app)
    {
        var key = await AdminKeyAsync(app);
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword, twoFactorCode = TotpFor(app, key) }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());
        // The administrator's code of this step is used: later sign-ins in the test come a step later.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>The administrator signed in on the pages (password, then its code).</summary>
    private static async Task<HttpClient> AdminPagesAsync(EnrolmentApp app)
    {
        var key = await AdminKeyAsync(app);
        var client = Browser(app);
        Where(await PasswordStepAsync(client, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword)).ShouldStartWith("/login/code");
        (await PageForms.PostAsync(client, "/login/code", "second-factor", new() { ["Code"] = TotpFor(app, key) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return client;
    }

    private static async Task<string> AdminKeyAsync(EnrolmentApp app)
    {
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var admin = (await users.FindByEmailAsync(ChanceryAppFactory.AdminEmail))!;
        if (!admin.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
        }
        return (await users.GetAuthenticatorKeyAsync(admin))!;
    }

    private static async Task<(string Id, string Code, DateTimeOffset Expires)> CreateAsync(HttpClient admin, string email, ClassificationLevel clearance)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = email, role = Roles.Viewer, clearance = clearance.ToCode(), password = ChanceryAppFactory.UserPassword }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (json.GetProperty("id").GetString()!, json.GetProperty("enrolmentCode").GetString()!, json.GetProperty("enrolmentCodeExpires").GetDateTimeOffset());
    }

    /// <summary>The right enrolment code, then the app's first code: answers the key the page showed.</summary>
    private static async Task<string> EnrolAsync(EnrolmentApp app, HttpClient client, string code)
    {
        var shown = await HtmlAsync(await TypeCodeAsync(client, code));
        shown.ShouldContain("<img class=\"qr\"");
        var key = KeyShown().Match(shown).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var done = await HtmlAsync(await PageForms.PostAsync(client, "/login/enrol", "enrol", new() { ["Code"] = TotpFor(app, key) }, Ct));
        RecoveryCode().Matches(done).Count.ShouldBe(10);
        return key;
    }

    private static async Task<List<AuditEntry>> AuditAsync(ChanceryAppFactory app)
    {
        await using var scope = app.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private static Dictionary<string, string?> Details(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(entry.Changes!)!.ToDictionary(d => d.Key, d => d.Value["After"]);

    private static async Task<bool> HasAuthenticatorKeyAsync(ChanceryAppFactory app, string id)
    {
        await using var scope = app.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        return !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!));
    }

    [Fact]
    public async Task A_password_alone_never_reaches_the_key_and_the_code_the_administrator_was_given_sets_up_the_authenticator()
    {
        await using var app = NewApp();
        var admin = await AdminApiAsync(app);
        var (id, code, expires) = await CreateAsync(admin, "mat@test.local", ClassificationLevel.Confidential);
        var (_, otherCode, _) = await CreateAsync(admin, "mat2@test.local", ClassificationLevel.Secret);
        code.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");
        code.ShouldNotBe(otherCode);
        (expires - app.Clock.GetUtcNow()).ShouldBeInRange(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(2), TimeSpan.FromDays(7));
        // Answered once: reading the account again never shows it.
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}", Ct);
        (read.TryGetProperty("enrolmentCode", out var again) ? again.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        // An account below the threshold needs none.
        var internalAccount = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "noibo@test.local", displayName = "Nội bộ", role = Roles.Viewer, clearance = "internal", password = ChanceryAppFactory.UserPassword }, Ct);
        var internalJson = await internalAccount.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (internalJson.TryGetProperty("enrolmentCode", out var none) ? none.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);

        var client = Browser(app);
        Where(await PasswordStepAsync(client, "mat@test.local", ChanceryAppFactory.UserPassword)).ShouldStartWith("/login/enrol");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/login/enrol", Ct));
        page.ShouldContain("name=\"EnrolmentCode\"");
        page.ShouldNotContain("class=\"qr\"");
        // Skipping the code box and posting an app code straight away sets nothing up (the form is not even there).
        var skipped = await PageForms.PostAsync(client, "/login/enrol", "enrol", new() { ["Code"] = "123456" }, Ct);
        skipped.IsSuccessStatusCode.ShouldBeFalse();
        (await HtmlAsync(skipped)).ShouldNotContain("class=\"qr\"");
        // A wrong code, and the code of another account, are refused.
        (await HtmlAsync(await TypeCodeAsync(client, "ABCD-EFGH-JKMN"))).ShouldContain("Mã thiết lập không đúng");
        var others = await HtmlAsync(await TypeCodeAsync(client, otherCode));
        others.ShouldContain("Mã thiết lập không đúng");
        others.ShouldNotContain("class=\"qr\"");
        (await HasAuthenticatorKeyAsync(app, id)).ShouldBeFalse("no key is made before the code is right");
        (await client.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Typed as people do (lower case, spaces): the key, then the app's code, and the account is in.
        await EnrolAsync(app, client, code.ToLowerInvariant().Replace('-', ' '));
        (await client.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = await AuditAsync(app);
        var issued = trail.Where(e => e.Action == AuditAction.EnrolmentCodeIssued && e.EntityKey == id).ShouldHaveSingleItem();
        issued.UserName.ShouldBe(ChanceryAppFactory.AdminEmail);
        Details(issued)["Reason"].ShouldBe("created");
        var refused = trail.Where(e => e.Action == AuditAction.SignInFailed && e.EntityKey == id).ToList();
        refused.Count.ShouldBe(2);
        refused.ShouldAllBe(e => Details(e)["Reason"] == "wrong_enrolment_code");
        trail.ShouldContain(e => e.Action == AuditAction.AuthenticatorEnrolled && e.EntityKey == id);
        // The code itself is nowhere in the trail, nor stored as typed.
        foreach (var secret in new[] { code, code.Replace("-", "", StringComparison.Ordinal), otherCode })
            trail.ShouldNotContain(e => e.Changes != null && e.Changes.Contains(secret, StringComparison.OrdinalIgnoreCase));
        await using var scope = app.SystemScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync(Ct);
        tokens.ShouldNotContain(v => v != null && (v.Contains(otherCode, StringComparison.OrdinalIgnoreCase)
            || v.Contains(otherCode.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_used_code_is_refused_and_a_reset_answers_a_new_one_that_works()
    {
        await using var app = NewApp();
        var admin = await AdminApiAsync(app);
        var (id, first, _) = await CreateAsync(admin, "datlai@test.local", ClassificationLevel.Secret);
        var client = Browser(app);
        await PasswordStepAsync(client, "datlai@test.local", ChanceryAppFactory.UserPassword);
        await EnrolAsync(app, client, first);

        var reset = await admin.PostAsync($"/api/v1/users/{id}/authenticator/reset", null, Ct);
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await reset.Content.ReadFromJsonAsync<JsonElement>(Ct);
        json.GetProperty("twoFactorEnabled").GetBoolean().ShouldBeFalse();
        var second = json.GetProperty("enrolmentCode").GetString()!;
        second.ShouldNotBe(first);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = Browser(app);
        Where(await PasswordStepAsync(next, "datlai@test.local", ChanceryAppFactory.UserPassword)).ShouldStartWith("/login/enrol");
        var used = await HtmlAsync(await TypeCodeAsync(next, first));
        used.ShouldContain("Mã thiết lập không đúng");
        used.ShouldNotContain("class=\"qr\"");
        await EnrolAsync(app, next, second);
        (await next.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Details((await AuditAsync(app)).Last(e => e.Action == AuditAction.EnrolmentCodeIssued && e.EntityKey == id))["Reason"].ShouldBe("reset");
    }

    [Fact]
    public async Task An_expired_code_says_so_and_an_administrator_issues_a_new_one()
    {
        await using var app = NewApp();
        var (id, code, _) = await CreateAsync(await AdminApiAsync(app), "hethan@test.local", ClassificationLevel.Confidential);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var client = Browser(app);
        Where(await PasswordStepAsync(client, "hethan@test.local", ChanceryAppFactory.UserPassword)).ShouldStartWith("/login/enrol");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/login/enrol", Ct));
        page.ShouldContain("Mã thiết lập của bạn đã hết hạn");
        page.ShouldNotContain("name=\"EnrolmentCode\"");
        // Typed all the same (the form of an older page): refused, said, counted and audited.
        var token = PageForms.Token(await client.GetStringAsync("/login", Ct));
        var typed = await client.PostAsync("/login/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "enrolment-code", ["__RequestVerificationToken"] = token, ["EnrolmentCode"] = code,
        }), Ct);
        var answer = await HtmlAsync(typed);
        answer.ShouldContain("đã hết hạn");
        answer.ShouldNotContain("class=\"qr\"");
        Details((await AuditAsync(app)).Last(e => e.Action == AuditAction.SignInFailed && e.EntityKey == id))["Reason"].ShouldBe("enrolment_code_expired");

        var admin = await AdminApiAsync(app);
        var issued = await admin.PostAsync($"/api/v1/users/{id}/enrolment-code", null, Ct);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("enrolmentCode").GetString()!;
        // Nothing to issue for an account that needs none.
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users", Ct)).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == ChanceryAppFactory.AdminEmail).GetProperty("id").GetString();
        (await admin.PostAsync($"/api/v1/users/{adminId}/enrolment-code", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var next = Browser(app);
        await PasswordStepAsync(next, "hethan@test.local", ChanceryAppFactory.UserPassword);
        (await HtmlAsync(await TypeCodeAsync(next, code))).ShouldContain("Mã thiết lập không đúng");
        await EnrolAsync(app, next, fresh);
        (await next.GetAsync("/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_users_pages_show_the_code_once_when_an_account_is_created_raised_reset_or_given_a_new_code()
    {
        await using var app = NewApp();
        var admin = await AdminPagesAsync(app);

        var created = await PageForms.PostAsync(admin, "/users/new", "user-create", new()
        {
            ["Input.Email"] = "trang@test.local", ["Input.DisplayName"] = "Trang", ["Input.Role"] = Roles.Officer,
            ["Input.Clearance"] = "confidential", ["Input.Password"] = ChanceryAppFactory.UserPassword,
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var createdHtml = await HtmlAsync(created);
        var createdCode = CodeShown().Match(createdHtml).Groups[1].Value;
        createdCode.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");
        createdHtml.ShouldContain("trang@test.local");
        // The page stays to show the code, but what was typed is stored as typed.
        await using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
            var stored = (await users.FindByEmailAsync("trang@test.local"))!;
            stored.DisplayName.ShouldBe("Trang");
            stored.Clearance.ShouldBe(ClassificationLevel.Confidential);
            (await users.GetRolesAsync(stored)).ShouldBe([Roles.Officer]);
        }
        // Below the threshold: no code, back to the list as before.
        var plain = await PageForms.PostAsync(admin, "/users/new", "user-create", new()
        {
            ["Input.Email"] = "thuong@test.local", ["Input.DisplayName"] = "Thường", ["Input.Role"] = Roles.Viewer,
            ["Input.Clearance"] = "internal", ["Input.Password"] = ChanceryAppFactory.UserPassword,
        }, Ct);
        plain.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The edit page says a code is out, until when, without showing it.
        string id;
        await using (var scope = app.SystemScope())
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync("trang@test.local"))!.Id;
        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/users/{id}/edit", Ct));
        edit.ShouldContain("Đã cấp mã thiết lập, có hiệu lực đến");
        // Not "off: the password alone", which is not true of an account that must set one up.
        edit.ShouldContain("Chưa thiết lập: ở lần đăng nhập tới, tài khoản này phải thiết lập ứng dụng xác thực");
        edit.ShouldNotContain("Đang tắt: đăng nhập chỉ hỏi mật khẩu.");
        edit.ShouldNotContain(createdCode);

        // A new code replaces it: the old one stops working, the new one works.
        var renewed = await PageForms.PostAsync(admin, $"/users/{id}/edit", "user-enrolment-code", new(), Ct);
        var newCode = CodeShown().Match(await HtmlAsync(renewed)).Groups[1].Value;
        newCode.ShouldNotBeNullOrEmpty();
        newCode.ShouldNotBe(createdCode);
        var owner = Browser(app);
        await PasswordStepAsync(owner, "trang@test.local", ChanceryAppFactory.UserPassword);
        (await HtmlAsync(await TypeCodeAsync(owner, createdCode))).ShouldContain("Mã thiết lập không đúng");
        await EnrolAsync(app, owner, newCode);

        // Reset on the page: a new code, shown with the reset's notice.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var reset = await PageForms.PostAsync(admin, $"/users/{id}/edit", "user-authenticator-reset", new(), Ct);
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resetHtml = await HtmlAsync(reset);
        resetHtml.ShouldContain("mã truy cập cá nhân");
        CodeShown().Match(resetHtml).Groups[1].Value.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-");

        // Raised to the threshold on the page: a code.
        string plainId;
        await using (var scope = app.SystemScope())
            plainId = (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync("thuong@test.local"))!.Id;
        var raised = await PageForms.PostAsync(admin, $"/users/{plainId}/edit", "user-edit", new()
        {
            ["Input.DisplayName"] = "Thường", ["Input.Role"] = Roles.Viewer, ["Input.Clearance"] = "secret",
        }, Ct);
        raised.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raisedCode = CodeShown().Match(await HtmlAsync(raised)).Groups[1].Value;
        raisedCode.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-");
        // The page stays to show the code; the edit is stored as typed.
        await using (var scope = app.SystemScope())
        {
            var stored = (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByIdAsync(plainId))!;
            stored.Clearance.ShouldBe(ClassificationLevel.Secret);
            stored.DisplayName.ShouldBe("Thường");
        }
        var raisedOwner = Browser(app);
        Where(await PasswordStepAsync(raisedOwner, "thuong@test.local", ChanceryAppFactory.UserPassword)).ShouldStartWith("/login/enrol");
        await EnrolAsync(app, raisedOwner, raisedCode);
    }

    [Fact]
    public async Task The_first_administrator_starts_with_a_code_and_an_account_from_before_codes_is_told_to_ask_for_one()
    {
        await using var app = NewApp();
        var admin = Browser(app);
        Where(await PasswordStepAsync(admin, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword)).ShouldStartWith("/login/enrol");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/login/enrol", Ct)).ShouldContain("name=\"EnrolmentCode\"");

        // Made without the writer (as accounts were before enrolment codes): nothing to type, ask an administrator.
        await app.CreateUserAsync("cu@test.local", Roles.Viewer, ClassificationLevel.Confidential);
        var old = Browser(app);
        Where(await PasswordStepAsync(old, "cu@test.local", ChanceryAppFactory.UserPassword)).ShouldStartWith("/login/enrol");
        var page = WebUtility.HtmlDecode(await old.GetStringAsync("/login/enrol", Ct));
        page.ShouldContain("cần một mã thiết lập do quản trị viên cấp");
        page.ShouldNotContain("class=\"qr\"");
        page.ShouldNotContain("name=\"EnrolmentCode\"");
    }

    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("class=\"enrolment-code\"><kbd>([A-Z0-9-]+)</kbd>")]
    private static partial Regex CodeShown();
}

public sealed class EnrolmentCodeTestsOnSqlite() : EnrolmentCodeTests(TestProvider.Sqlite);

public sealed class EnrolmentCodeTestsOnPostgres() : EnrolmentCodeTests(TestProvider.Postgres);
