using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Common.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Accounts;

/// <summary>Sign-in as a stranger meets it: guessing is slowed per address, never by locking the
/// account, and the time taken does not tell which emails exist. Each test starts its own app, so
/// the per-address failure counter of one test does not refuse another's sign-ins.</summary>
public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_passwords_slow_the_guesser_down_but_never_lock_the_administrator_out()
    {
        await using var app = new ChanceryAppFactory(TestProvider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            answers.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email = ChanceryAppFactory.AdminEmail, password = $"guess-{i}" }, Ct)).StatusCode);

        answers.Take(10).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        answers.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChanceryUser>>();
        var admin = await users.FindByEmailAsync(ChanceryAppFactory.AdminEmail);
        (await users.IsLockedOutAsync(admin!)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_sign_in_page_says_to_wait_after_too_many_failures()
    {
        await using var app = new ChanceryAppFactory(TestProvider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        string html = "";
        for (var i = 0; i < 11; i++)
        {
            var response = await PageForms.PostAsync(client, "/login", "login",
                new() { ["Input.Email"] = "nobody@test.local", ["Input.Password"] = $"guess-{i}" }, Ct);
            html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }

        html.ShouldContain("Đăng nhập sai quá nhiều lần");
        // The email comes back as typed, so the reader need not type it again; the password never does.
        html.ShouldContain("value=\"nobody@test.local\"");
        html.ShouldNotContain("guess-10");
    }

    [Fact]
    public async Task An_unknown_email_takes_as_long_as_a_wrong_password()
    {
        await using var app = new ChanceryAppFactory(TestProvider.Sqlite);
        var client = app.WithWebHostBuilder(b => b.UseSetting("SignIn:FailuresPerMinute", "1000"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TimeAsync(client, ChanceryAppFactory.AdminEmail); // warm-up

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await TimeAsync(client, ChanceryAppFactory.AdminEmail));
            unknown.Add(await TimeAsync(client, $"nobody{i}@test.local"));
        }

        // Verifying a password hash dominates a wrong-password answer; without a decoy hash an
        // unknown email answered in a small fraction of that time.
        Median(unknown).ShouldBeGreaterThan(Median(known) * 0.6);
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Not-the-password-1" }, Ct);
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
