using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;

namespace Chancery.Tests.Activities;

/// <summary>What the Activities and People page tests share: the overlap set they import, and reading pages and
/// posting forms as a browser would (antiforgery token included).</summary>
internal static partial class PageHtml
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A trip (France then Germany), a meeting held during it, a call on another day of the trip that
    // is not part of it (a clash), a cancelled call during the trip (no clash), and a later visit.
    public const string OverlapCsv = ActivityDataset.Header + "\n" +
        "ov-trip,official_visit,2025-02-10,2025-02-15,completed,Deputy Prime Minister,Nguyễn Văn Thử,outgoing,FRA;DEU,,,Paris,Trip to France and Germany,,government,internal,,\n" +
        "ov-meet,bilateral_meeting,2025-02-11,2025-02-11,completed,Deputy Prime Minister,Nguyễn Văn Thử,,FRA,,,Paris,Meeting in Paris,ov-trip,,,,\n" +
        "ov-call,phone_call,2025-02-12,2025-02-12,completed,Deputy Prime Minister,Nguyễn Văn Thử,,JPN,,,,Call with Tokyo,,,,,\n" +
        "ov-off,phone_call,2025-02-13,2025-02-13,cancelled,Deputy Prime Minister,Nguyễn Văn Thử,,KOR,,,,Cancelled call with Seoul,,,,,\n" +
        "ov-later,working_visit,2025-03-01,2025-03-02,completed,Deputy Prime Minister,Nguyễn Văn Thử,outgoing,LAO,,,Vientiane,Later visit to Laos,,,,,\n";

    public static async Task ImportOverlapSetAsync(HttpClient client)
    {
        var (response, outcome) = await ActivityDataset.ImportAsync(client, OverlapCsv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems?.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? [])
            + " " + await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<int> IdOfAsync(HttpClient client, string reference)
    {
        var list = await client.GetFromJsonAsync<ListResult<ActivityListItem>>($"/api/v1/activities?q={reference}", Ct);
        return list!.Items.Single(i => i.ExternalRef == reference).Id;
    }

    public static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields)
    {
        fields.TryAdd("_handler", "activity");
        fields.TryAdd("action", "save");
        fields.TryAdd("Input.Version", "0");
        fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    public static int LegRows(string html) => Regex.Matches(html, "class=\"leg-row\"").Count;

    public static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{start}' is not on the page");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    /// <summary>The page's HTML with entities decoded (Razor encodes Vietnamese letters as &amp;#x...;).</summary>
    public static async Task<string> PageAsync(HttpClient client, string url, CancellationToken ct) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url, ct));

    public static string Token(string html)
    {
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<a>[^\"]+)\"|<input[^>]*value=\"(?<b>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryInput();
}
