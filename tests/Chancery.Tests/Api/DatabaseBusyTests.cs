using System.Net;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Api;

/// <summary>Overload answers "busy, come back" rather than "error": when an instance's connection pool
/// has no connection free within its timeout (every connection held by requests queued behind slow
/// ones), the API answers 503 ProblemDetails with Retry-After and a page answers the busy page with 503;
/// once connections are free again, the same requests succeed.</summary>
public sealed class DatabaseBusyTests
{
    private const int PoolSize = 3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_that_finds_no_free_database_connection_is_answered_503_with_retry_after()
    {
        if (TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        await using var app = new ChanceryAppFactory(TestProvider.Postgres);
        app.Settings["Audit:SealEverySeconds"] = "0";
        app.Settings["ConnectionStrings:Chancery"] = app.ConnectionString + $";Maximum Pool Size={PoolSize};Timeout=1";
        var admin = await app.AdminClientAsync();
        var browser = await PageForms.CookieClientAsync(app, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        (await admin.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var held = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < PoolSize; i++)
            {
                var scope = app.SystemScope();
                held.Add(scope);
                await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().Database.OpenConnectionAsync(Ct);
            }

            var api = await admin.GetAsync("/api/v1/activities", Ct);
            var problem = await api.Content.ReadAsStringAsync(Ct);
            api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, problem);
            api.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            api.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            problem.ShouldContain("\"status\":503");

            var page = await browser.GetAsync("/", Ct);
            var html = await page.Content.ReadAsStringAsync(Ct);
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html);
            page.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            html.ShouldContain("Hệ thống đang bận");
        }
        finally
        {
            foreach (var scope in held) await scope.DisposeAsync();
        }

        (await admin.GetAsync("/api/v1/activities", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
