using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chancery.Benchmarks;

/// <summary>A bounded HTTP load runner: C concurrent workers request one URL back to back for S
/// seconds (after a short warm-up), each on the same pooled HttpClient. Reports requests/s, p50,
/// p99 and errors (non-2xx answers and exceptions).</summary>
public static class LoadRunner
{
    public static async Task<int> RunAsync(Options o)
    {
        var url = o.Get("url") ?? throw new ArgumentException("--url");
        var connections = o.Int("connections", 32);
        var seconds = o.Int("seconds", 60);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromHours(1) })
        { Timeout = TimeSpan.FromSeconds(30) };
        if (o.Get("email") is { } email)
        {
            var login = await client.PostAsJsonAsync(new Uri(new Uri(url), "/api/v1/auth/login"), new { email, password = o.Get("password") });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        async Task<(List<double> Latencies, int Errors)> Worker(DateTime until)
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            while (DateTime.UtcNow < until)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) errors++;
                }
                catch (Exception) { errors++; }
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
            return (latencies, errors);
        }

        // Warm-up: JIT, connection pools, database caches.
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Worker(DateTime.UtcNow.AddSeconds(Math.Min(5, seconds)))));
        var total = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => Worker(DateTime.UtcNow.AddSeconds(seconds)))));
        total.Stop();
        var all = results.SelectMany(r => r.Latencies).ToList();
        var errorCount = results.Sum(r => r.Errors);
        Console.WriteLine($"{url}: {connections} connections, {total.Elapsed.TotalSeconds:F1} s, {all.Count} requests, {all.Count / total.Elapsed.TotalSeconds:F0} req/s, " +
            $"p50 {Stats.Percentile(all, 50):F1} ms, p99 {Stats.Percentile(all, 99):F1} ms, max {all.DefaultIfEmpty().Max():F1} ms, errors {errorCount}");
        return 0;
    }
}
