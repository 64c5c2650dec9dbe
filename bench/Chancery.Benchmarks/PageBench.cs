using System.Diagnostics;

namespace Chancery.Benchmarks;

/// <summary>A list page against the API call that answers the same list (issue "Speed", point 3: the page within
/// 1.3× of the API): one client at a time, page and API requested alternately (which goes first alternates too),
/// each timed until its whole answer has arrived, after warm-up requests. The page is signed in with the sign-in
/// form's cookie, the API with a bearer token, as their users are.</summary>
public static class PageBench
{
    public static async Task<int> RunAsync(Options o)
    {
        var baseUrl = new Uri(o.Get("url", "http://127.0.0.1:5393"));
        var query = o.Get("query", "from=2024-01-01&to=2024-12-31&kind=bilateral_meeting&page=3&pageSize=50");
        var email = o.Get("email", "admin@chancery.local");
        var password = o.Get("password", "Chancery-Admin-2026");
        var iterations = o.Int("iterations", 200);
        using var page = await SignIn.BrowserClientAsync(baseUrl, email, password);
        using var api = await SignIn.ApiClientAsync(baseUrl, email, password);
        var pageUrl = $"/activities?{query}";
        var apiUrl = $"/api/v1/activities?{query}";

        static async Task<double> TimeAsync(HttpClient client, string url)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            _ = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            return clock.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 50; i++) { await TimeAsync(page, pageUrl); await TimeAsync(api, apiUrl); }
        var quiet = MachineQuiet.Start(o);
        var pageTimes = new List<double>(iterations);
        var apiTimes = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            if (i % 2 == 0) { pageTimes.Add(await TimeAsync(page, pageUrl)); apiTimes.Add(await TimeAsync(api, apiUrl)); }
            else { apiTimes.Add(await TimeAsync(api, apiUrl)); pageTimes.Add(await TimeAsync(page, pageUrl)); }
        }
        double pageMedian = Stats.Percentile(pageTimes, 50), apiMedian = Stats.Percentile(apiTimes, 50);
        Console.WriteLine($"{pageUrl} (page, cookie): median {pageMedian:F1} ms, p90 {Stats.Percentile(pageTimes, 90):F1} ms; " +
            $"{apiUrl} (API, bearer): median {apiMedian:F1} ms, p90 {Stats.Percentile(apiTimes, 90):F1} ms; page / API {pageMedian / apiMedian:F2} ({iterations} alternating pairs)");
        return quiet.Report() ? 0 : 3;
    }
}
