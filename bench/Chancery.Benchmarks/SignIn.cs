using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Chancery.Benchmarks;

/// <summary>Clients signed in the two ways a user signs in: a bearer token from the API's login (integrations),
/// or the sign-in page's form and its cookie (a person in a browser).</summary>
public static class SignIn
{
    public static HttpClient NewClient(Uri baseUrl, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<HttpClient> ApiClientAsync(Uri baseUrl, string email, string password)
    {
        var client = NewClient(baseUrl);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> BrowserClientAsync(Uri baseUrl, string email, string password)
    {
        var client = NewClient(baseUrl, new CookieContainer());
        var form = await client.GetStringAsync("/login");
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);
        var post = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = Field("_handler"), ["__RequestVerificationToken"] = Field("__RequestVerificationToken"),
            ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (post.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"page sign-in of {email} answered {(int)post.StatusCode}");
        return client;
    }
}
