using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Tests.Infrastructure;

/// <summary>Posting a page's form the way a browser does: the antiforgery token read from the page,
/// the form's name in <c>_handler</c>, the fields by their input names.</summary>
public static partial class PageForms
{
    public static string Token(string html)
    {
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields, CancellationToken ct)
    {
        var page = await client.GetStringAsync(url, ct);
        var all = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = Token(page) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all), ct);
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> whose action is another address
    /// (the sign-out button posts to /account/logout).</summary>
    public static async Task<HttpResponseMessage> PostToActionAsync(HttpClient client, string pageUrl, string action, CancellationToken ct)
    {
        var page = await client.GetStringAsync(pageUrl, ct);
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }), ct);
    }

    /// <summary>A browser-like client (cookies, no redirects followed) signed in through the sign-in page.</summary>
    public static async Task<HttpClient> CookieClientAsync(ChanceryAppFactory app, string email, string password, CancellationToken ct)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostAsync(client, "/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in through the page should redirect");
        return client;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<a>[^\"]+)\"|<input[^>]*value=\"(?<b>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryInput();
}
