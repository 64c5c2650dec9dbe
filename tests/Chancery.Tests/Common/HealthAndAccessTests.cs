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
    public async Task Pages_send_a_signed_out_visitor_to_the_login_page(string page)
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(page, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }
}
