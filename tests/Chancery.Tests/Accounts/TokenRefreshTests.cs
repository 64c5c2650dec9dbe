using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Security;

namespace Chancery.Tests.Accounts;

/// <summary>An integration keeps its session with the refresh token the sign-in answers, until the account changes.</summary>
public sealed class TokenRefreshTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> SignInAsync(HttpClient client, string email, string password)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await login.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpResponseMessage> RefreshAsync(HttpClient client, string? token) =>
        await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token }, Ct);

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_that_works()
    {
        var client = fixture.App.CreateClient();
        var tokens = await SignInAsync(client, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword);

        var refreshed = await RefreshAsync(client, tokens.GetProperty("refreshToken").GetString());

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await refreshed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var access = answer.GetProperty("accessToken").GetString();
        access.ShouldNotBe(tokens.GetProperty("accessToken").GetString());
        answer.GetProperty("refreshToken").GetString().ShouldNotBeNullOrEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var me = await fixture.App.CreateClient().SendAsync(request, Ct);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("email").GetString().ShouldBe(ChanceryAppFactory.AdminEmail);
    }

    [Fact]
    public async Task A_forged_or_access_token_is_refused_as_a_problem()
    {
        var client = fixture.App.CreateClient();
        var tokens = await SignInAsync(client, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword);

        var forged = await RefreshAsync(client, "not-a-token");
        var access = await RefreshAsync(client, tokens.GetProperty("accessToken").GetString());

        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        access.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Locking_the_account_ends_its_refresh_tokens()
    {
        var email = $"refresh-{Guid.NewGuid():N}@test.local";
        await fixture.App.CreateUserAsync(email, Roles.Viewer, ClassificationLevel.Internal);
        var client = fixture.App.CreateClient();
        var tokens = await SignInAsync(client, email, ChanceryAppFactory.UserPassword);
        var admin = await fixture.App.AdminClientAsync();
        var account = (await admin.GetFromJsonAsync<Chancery.Web.Common.Api.ListResult<UserItem>>("/api/v1/users", Ct))!.Items.Single(u => u.Email == email);

        (await admin.PutAsJsonAsync($"/api/v1/users/{account.Id}",
            new UpdateUserRequest(account.DisplayName, account.UnitId, Roles.Viewer, "internal", Locked: true), Ct)).EnsureSuccessStatusCode();
        var refreshed = await RefreshAsync(client, tokens.GetProperty("refreshToken").GetString());

        refreshed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
