using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;
using Chancery.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Chancery.Tests.Accounts;

/// <summary>Signing in through the ministry's identity provider, driven over HTTP as a browser does it:
/// the sign-in page's button, the provider (a local OpenIddict server on its own port), the way back,
/// and where the user lands. The provider chooses nothing but who is signing in: every identity it
/// issues also claims top-secret clearance and the administrator role, which must not count.</summary>
public sealed class OidcSignInTests(OidcSignInApp fixture) : IClassFixture<OidcSignInApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail(string who) => $"{who}.{Guid.NewGuid().ToString("N")[..8]}@test.local";

    /// <summary>Presses "Sign in with …" on the sign-in page and follows every redirect: answers the last
    /// page and its address.</summary>
    private static async Task<(HttpResponseMessage Last, string Path, string Html)> PressProviderButtonAsync(HttpClient client, string returnUrl = "/")
    {
        var login = await client.GetStringAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        login.ShouldContain("action=\"/login/external\"");
        // The button's own form: its antiforgery token and the return address it carries as a hidden field.
        var carried = System.Text.RegularExpressions.Regex.Match(login, "<input type=\"hidden\" name=\"ReturnUrl\" value=\"([^\"]*)\"");
        carried.Success.ShouldBeTrue();
        var response = await client.PostAsync("/login/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.Token(login),
            ["ReturnUrl"] = WebUtility.HtmlDecode(carried.Groups[1].Value),
        }), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        return (response, response.RequestMessage!.RequestUri!.PathAndQuery, html);
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, ProviderUser user, string returnUrl = "/")
    {
        fixture.Provider.NextUser = user;
        var (last, _, _) = await PressProviderButtonAsync(client, returnUrl);
        return last;
    }

    private sealed record Me(string? Email, string? Name, string? Clearance, string[] Roles);

    private static async Task<Me?> WhoAmIAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/auth/me", Ct);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<Me>(Ct) : null;
    }

    private async Task<List<AuditEntry>> AuditAsync(AuditAction action, string userName)
    {
        await using var scope = fixture.App.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        return await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == action && e.UserName == userName).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>An audit entry's details (field → value after).</summary>
    private static Dictionary<string, string?> Details(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(entry.Changes)!.ToDictionary(d => d.Key, d => d.Value["After"]);

    private async Task<ChanceryUser> AccountAsync(string email)
    {
        await using var scope = fixture.App.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_verified_email_of_an_existing_account_signs_in_as_that_account_with_its_own_role_and_clearance()
    {
        var email = NewEmail("known");
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        var (client, cookies) = fixture.Browser();

        // The provider writes the address in its own case; the account is found all the same.
        fixture.Provider.NextUser = new ProviderUser("sub-known", email.ToUpperInvariant(), EmailVerified: true, "pwd");
        var (last, path, html) = await PressProviderButtonAsync(client, "/account");

        last.StatusCode.ShouldBe(HttpStatusCode.OK);
        path.ShouldBe("/account");
        html.ShouldContain(email);
        fixture.Provider.LastCodeChallengeMethod.ShouldBe("S256");
        var me = (await WhoAmIAsync(client)).ShouldNotBeNull();
        me.Email.ShouldBe(email);
        me.Clearance.ShouldBe("internal");
        me.Roles.ShouldBe([Roles.Viewer]);
        // The provider's answer was used once: its temporary cookie is gone.
        cookies.GetAllCookies().Select(c => c.Name).ShouldNotContain(IdentityConstants.ExternalScheme);
        (await client.GetAsync("/", Ct)).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");

        var entry = (await AuditAsync(AuditAction.SignedIn, email)).ShouldHaveSingleItem();
        Details(entry)["Via"].ShouldBe("sso");
        Details(entry)["Provider"].ShouldBe(OidcSignInApp.ProviderName);

        // An ordinary session: locking the account ends it at once.
        await using (var scope = fixture.App.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddYears(1))).Succeeded.ShouldBeTrue();
        }
        (await client.GetAsync("/account", Ct)).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/login");
        (await WhoAmIAsync(client)).ShouldBeNull();
    }

    [Fact]
    public async Task An_email_the_provider_has_not_verified_opens_nothing_even_when_an_account_has_it()
    {
        var email = NewEmail("unverified");
        await fixture.App.CreateUserAsync(email, Roles.Administrator, ClassificationLevel.Internal);
        var (client, _) = fixture.Browser();
        fixture.Provider.NextUser = new ProviderUser("sub-unverified", email, EmailVerified: false, "pwd");

        var (last, path, html) = await PressProviderButtonAsync(client);

        last.StatusCode.ShouldBe(HttpStatusCode.OK);
        path.ShouldBe("/login/external/refused?reason=unverified");
        html.ShouldContain("Cổng định danh Bộ chưa xác nhận địa chỉ email");
        (await WhoAmIAsync(client)).ShouldBeNull();
        (await client.GetAsync("/account", Ct)).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/login");
        var entry = (await AuditAsync(AuditAction.SignInFailed, email)).ShouldHaveSingleItem();
        Details(entry)["Reason"].ShouldBe("email_not_verified");
        Details(entry)["Provider"].ShouldBe(OidcSignInApp.ProviderName);
    }

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_are_refused_alike_in_the_readers_language_and_no_account_is_made()
    {
        var unknown = NewEmail("stranger");
        var locked = NewEmail("locked");
        await fixture.App.CreateUserAsync(locked, Roles.Officer, ClassificationLevel.Internal);
        await using (var scope = fixture.App.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddYears(1))).Succeeded.ShouldBeTrue();
        }

        var (english, _) = fixture.Browser("en");
        fixture.Provider.NextUser = new ProviderUser("sub-stranger", unknown, EmailVerified: true, "mfa");
        var (_, unknownPath, unknownHtml) = await PressProviderButtonAsync(english);
        var (englishToo, _) = fixture.Browser("en");
        fixture.Provider.NextUser = new ProviderUser("sub-locked", locked, EmailVerified: true, "mfa");
        var (_, lockedPath, lockedHtml) = await PressProviderButtonAsync(englishToo);

        unknownPath.ShouldBe("/login/external/refused?reason=refused");
        lockedPath.ShouldBe(unknownPath);
        unknownHtml.ShouldContain("This identity does not open a Chancery account");
        // Nothing in the answer tells an unknown email from a locked account.
        lockedHtml.ShouldBe(unknownHtml);
        (await WhoAmIAsync(english)).ShouldBeNull();
        (await WhoAmIAsync(englishToo)).ShouldBeNull();
        (await AccountAsync(unknown)).ShouldBeNull();

        Details((await AuditAsync(AuditAction.SignInFailed, unknown)).ShouldHaveSingleItem())["Reason"].ShouldBe("no_account");
        Details((await AuditAsync(AuditAction.SignInFailed, locked)).ShouldHaveSingleItem())["Reason"].ShouldBe("locked_out");

        var (vietnamese, _) = fixture.Browser("vi");
        fixture.Provider.NextUser = new ProviderUser("sub-stranger", unknown, EmailVerified: true);
        (await PressProviderButtonAsync(vietnamese)).Html.ShouldContain("Danh tính này không mở được tài khoản Chancery nào");
    }

    [Fact]
    public async Task A_confidential_account_without_a_second_factor_at_the_provider_is_asked_for_its_authenticator_code()
    {
        var email = NewEmail("mat");
        await fixture.App.CreateUserAsync(email, Roles.Officer, ClassificationLevel.Confidential);
        var key = await SetUpAuthenticatorAsync(email);
        var (client, _) = fixture.Browser();

        var (_, path, _) = await SignInWithAsync(client, new ProviderUser("sub-mat", email, EmailVerified: true, "pwd"), "/account");

        path.ShouldBe("/login/code?ReturnUrl=%2Faccount");
        (await WhoAmIAsync(client)).ShouldBeNull();
        var page = await client.GetStringAsync("/login/code", Ct);
        var done = await client.PostAsync("/login/code?ReturnUrl=%2Faccount", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "second-factor",
            ["__RequestVerificationToken"] = PageForms.Token(page),
            ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow),
        }), Ct);
        done.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account");
        (await WhoAmIAsync(client)).ShouldNotBeNull().Clearance.ShouldBe("confidential");
        var entry = (await AuditAsync(AuditAction.SignedIn, email)).ShouldHaveSingleItem();
        Details(entry)["Via"].ShouldBe("sso");
        Details(entry)["Provider"].ShouldBe(OidcSignInApp.ProviderName);
        Details(entry)["SecondFactor"].ShouldBe("authenticator");
    }

    [Fact]
    public async Task A_confidential_account_that_gave_a_second_factor_at_the_provider_signs_in_without_its_code()
    {
        var email = NewEmail("mat-mfa");
        await fixture.App.CreateUserAsync(email, Roles.Officer, ClassificationLevel.Secret);
        await SetUpAuthenticatorAsync(email);
        var (client, _) = fixture.Browser();

        var (_, path, _) = await SignInWithAsync(client, new ProviderUser("sub-mat-mfa", email, EmailVerified: true, "pwd", "otp"));

        path.ShouldBe("/");
        (await WhoAmIAsync(client)).ShouldNotBeNull().Clearance.ShouldBe("secret");
        Details((await AuditAsync(AuditAction.SignedIn, email)).ShouldHaveSingleItem())["SecondFactor"].ShouldBe("identity_provider");
    }

    [Fact]
    public async Task A_confidential_account_with_no_authenticator_yet_is_sent_to_set_one_up()
    {
        var email = NewEmail("mat-new");
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Confidential);
        var code = await IssueEnrolmentCodeAsync(email);
        var (client, _) = fixture.Browser();

        var (_, path, html) = await SignInWithAsync(client, new ProviderUser("sub-mat-new", email, EmailVerified: true, "pwd"));

        path.ShouldStartWith("/login/enrol");
        // The provider's word is the first step only: the key comes after the administrator's enrolment code.
        html.ShouldNotContain("<img class=\"qr\"");
        html.ShouldContain("name=\"EnrolmentCode\"");
        (await WhoAmIAsync(client)).ShouldBeNull();

        var wrong = WebUtility.HtmlDecode(await (await PageForms.PostAsync(client, "/login/enrol", "enrolment-code", new() { ["EnrolmentCode"] = "2345-6789-ABCD" }, Ct)).Content.ReadAsStringAsync(Ct));
        wrong.ShouldNotContain("<img class=\"qr\"");
        var refused = (await AuditAsync(AuditAction.SignInFailed, email)).ShouldHaveSingleItem();
        Details(refused)["Reason"].ShouldBe("wrong_enrolment_code");
        Details(refused)["Via"].ShouldBe("sso");
        var shown = WebUtility.HtmlDecode(await (await PageForms.PostAsync(client, "/login/enrol", "enrolment-code", new() { ["EnrolmentCode"] = code }, Ct)).Content.ReadAsStringAsync(Ct));
        shown.ShouldContain("<img class=\"qr\"");
        var key = System.Text.RegularExpressions.Regex.Match(shown, "<kbd>([a-z0-9 ]+)</kbd>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await PageForms.PostAsync(client, "/login/enrol", "enrol", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() }, Ct);
        (await WhoAmIAsync(client)).ShouldNotBeNull().Email.ShouldBe(email);
    }

    /// <summary>A one-time enrolment code for the account, as an administrator would issue it.</summary>
    private async Task<string> IssueEnrolmentCodeAsync(string email)
    {
        await using var scope = fixture.App.SystemScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>().FindByEmailAsync(email))!;
        return (await scope.ServiceProvider.GetRequiredService<Chancery.Web.Accounts.EnrolmentCodes>().IssueAsync(user, "test", Ct)).Code;
    }

    [Fact]
    public async Task A_sign_in_cancelled_at_the_provider_ends_on_a_refusal_page_not_an_error()
    {
        var (client, _) = fixture.Browser("en");

        var (last, path, html) = await SignInWithAsync(client, null);

        last.StatusCode.ShouldBe(HttpStatusCode.OK);
        path.ShouldBe("/login/external/refused?reason=provider");
        html.ShouldContain("Ministry ID did not complete the sign-in");
        (await WhoAmIAsync(client)).ShouldBeNull();
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_providers_button_in_both_languages_and_lets_the_form_lead_to_the_provider()
    {
        var (vietnamese, _) = fixture.Browser("vi");
        var response = await vietnamese.GetAsync("/login", Ct);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Đăng nhập bằng Cổng định danh Bộ");
        // Browsers hold a form's redirects to the page's form-action: the provider's origin must be in it.
        var origin = new Uri(fixture.Provider.Authority).GetLeftPart(UriPartial.Authority);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("form-action 'self' " + origin);
        var (english, _) = fixture.Browser("en");
        WebUtility.HtmlDecode(await english.GetStringAsync("/login", Ct)).ShouldContain("Sign in with Ministry ID");
    }

    [Fact]
    public async Task Without_a_provider_configured_there_is_no_button_and_the_start_address_answers_404()
    {
        await using var app = new ChanceryAppFactory(TestProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.GetAsync("/login", Ct);
        var login = await response.Content.ReadAsStringAsync(Ct);
        login.ShouldNotContain("/login/external");
        login.ShouldNotContain("Đăng nhập bằng");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        var start = await client.PostAsync("/login/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageForms.Token(login),
        }), Ct);
        start.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_start_address_refuses_a_post_without_the_pages_token()
    {
        var (client, _) = fixture.Browser();
        fixture.Provider.NextUser = new ProviderUser("sub-csrf", NewEmail("csrf"), EmailVerified: true);
        var response = await client.PostAsync("/login/external", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.RequestMessage!.RequestUri!.Authority.ShouldBe(new Uri(fixture.BaseUrl).Authority);
    }

    private async Task<(HttpResponseMessage Last, string Path, string Html)> SignInWithAsync(HttpClient client, ProviderUser? user, string returnUrl = "/")
    {
        fixture.Provider.NextUser = user;
        return await PressProviderButtonAsync(client, returnUrl);
    }

    /// <summary>Turns the account's authenticator on (as its owner would have) and answers the shared key.</summary>
    private async Task<string> SetUpAuthenticatorAsync(string email)
    {
        await using var scope = fixture.App.SystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
