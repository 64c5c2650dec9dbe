using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Tests.Data;

/// <summary>Two app instances on one PostgreSQL database (a load-balanced deployment): a token issued
/// by one is honoured by the other because the data-protection keys live in the database.</summary>
public sealed class MultiInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bearer_token_issued_by_one_instance_is_accepted_by_another()
    {
        if (TestEnvironment.PostgresConnectionString is null)
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(TestEnvironment.PostgresSkipReason);
            Assert.Skip(TestEnvironment.PostgresSkipReason);
        }
        await using var first = new ChanceryAppFactory(TestProvider.Postgres);
        var fromFirst = await first.AdminClientAsync();
        var token = fromFirst.DefaultRequestHeaders.Authorization!.Parameter;
        (await fromFirst.GetAsync("/api/v1/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var second = new ChanceryAppFactory(TestProvider.Postgres, first.PostgresDatabase);
        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await onSecond.GetAsync("/api/v1/partners?pageSize=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await onSecond.GetFromJsonAsync<Dictionary<string, object?>>("/api/v1/auth/me", Ct);
        me!.Values.Select(v => v?.ToString()).ShouldContain(ChanceryAppFactory.AdminEmail);
    }
}
