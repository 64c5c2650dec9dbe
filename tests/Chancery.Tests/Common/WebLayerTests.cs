using System.Net;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Security;
using Chancery.Web.Common.Classification;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Tests.Common;

/// <summary>What every answer tells the browser, and writes another site cannot make with the cookie.</summary>
public sealed class WebLayerTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/v1/activities")]
    public async Task Every_answer_carries_a_policy_without_inline_script_and_may_not_be_framed(string url)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url, Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
        scriptSrc.ShouldBe("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_language_switch_never_sends_the_browser_to_another_site_and_never_fails(string returnUrl)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Another_site_cannot_import_with_the_users_cookie_alone()
    {
        await fixture.App.CreateUserAsync("csrf.editor@test.local", Roles.Officer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "csrf.editor@test.local", ChanceryAppFactory.UserPassword, Ct);
        var csv = "reference,kind,title_vi,start_date,end_date,status,leader_name,leader_office,classification\n" +
                  "CSRF-1,incoming_visit,Tấn công,2026-01-05,2026-01-06,done,Ai đó,Prime Minister,internal\n";

        var forged = await browser.PostAsync("/api/v1/activities/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/plain"), Ct);

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forged.Content.ReadAsStringAsync(Ct)).ShouldContain("antiforgery");
        var admin = await fixture.App.AdminClientAsync();
        (await admin.GetStringAsync("/api/v1/activities?q=CSRF-1", Ct)).ShouldNotContain("CSRF-1");
    }

    [Theory]
    [InlineData("/partners?page=abc&culture=en", "abc", "page", "This address cannot be read")]
    [InlineData("/agreements?year=2024x", "2024x", "year", "Không đọc được địa chỉ này")]
    [InlineData("/reports/annual-review?from=31-12-2024&culture=en", "31-12-2024", "from", "which this page cannot read")]
    public async Task A_mistyped_address_gets_a_400_page_naming_the_value_in_the_readers_language(string url, string value, string parameter, string words)
    {
        await fixture.App.CreateUserAsync("address.viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        var browser = await PageForms.CookieClientAsync(fixture.App, "address.viewer@test.local", ChanceryAppFactory.UserPassword, Ct);

        var response = await browser.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain(words);
        html.ShouldContain($"“{value}”");
        html.ShouldContain(parameter);
    }
}
