using System.Net;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chancery.Tests.Common;

public sealed class HealthAndAccessTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_answers_Healthy_without_signing_in()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_answers_Healthy_when_the_database_is_reachable_and_migrated()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/health/ready", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_is_unhealthy_on_a_database_that_lacks_this_builds_migrations()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chancery-unmigrated-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteChanceryDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
        await using var db = new SqliteChanceryDbContext(options);

        var result = await new MigrationsAppliedCheck(db).CheckHealthAsync(new HealthCheckContext(), Ct);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldNotBeNull().ShouldContain("not applied");
        File.Delete(file);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_readable_without_signing_in_and_lists_the_partner_api()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain(p => p.TrimEnd('/') == "/api/v1/partners");
        paths.ShouldContain("/api/v1/partnerships/import");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=han")]
    [InlineData("/api-reference/")]
    public async Task Pages_send_a_signed_out_visitor_to_the_login_page(string page)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(page, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task The_API_reference_page_shows_the_document_to_a_signed_in_reader_with_its_script_admitted_by_a_nonce()
    {
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var first = await browser.GetAsync("/api-reference/", Ct);
        var second = await browser.GetAsync("/api-reference/", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await first.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("openapi/v1.json");
        var policy = first.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        html.ShouldContain($"nonce=\"{nonce}\"");
        policy.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        second.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain(nonce);
        // Administrators find it in the menu.
        (await (await browser.GetAsync("/", Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("href=\"/api-reference/\"");
    }
}
