using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chancery.Benchmarks;

/// <summary>An HTTP load runner on one URL, in two modes. Closed loop (default): C workers request back to
/// back for S seconds, which measures throughput; its latencies are queueing at saturation. Open loop
/// (<c>--rate R</c>): requests are sent on a fixed schedule of R per second whatever the answers do, and each
/// latency is measured from the request's scheduled time, so a slow answer that delays the next send is
/// counted (no coordinated omission). Both report requests/s, p50, p99, max and errors (non-2xx answers,
/// exceptions, and in open loop the sends that fell more than a second behind the schedule).</summary>
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

        if (o.Get("rate") is { } rateText)
            return await OpenLoopAsync(client, url, double.Parse(rateText, System.Globalization.CultureInfo.InvariantCulture), seconds, o);

        // Warm-up: JIT, connection pools, database caches.
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Worker(DateTime.UtcNow.AddSeconds(Math.Min(5, seconds)))));
        var quiet = MachineQuiet.Start(o);
        var total = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => Worker(DateTime.UtcNow.AddSeconds(seconds)))));
        total.Stop();
        var all = results.SelectMany(r => r.Latencies).ToList();
        var errorCount = results.Sum(r => r.Errors);
        Console.WriteLine($"{url}: {connections} connections, {total.Elapsed.TotalSeconds:F1} s, {all.Count} requests, {all.Count / total.Elapsed.TotalSeconds:F0} req/s, " +
            $"p50 {Stats.Percentile(all, 50):F1} ms, p99 {Stats.Percentile(all, 99):F1} ms, max {all.DefaultIfEmpty().Max():F1} ms, errors {errorCount}");
        return quiet.Report() ? 0 : 3;
    }

    private static async Task<int> OpenLoopAsync(HttpClient client, string url, double rate, int seconds, Options o)
    {
        async Task<(double Latency, bool Error)> Send(long scheduledTicks, Stopwatch clock)
        {
            var error = false;
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                error = !response.IsSuccessStatusCode;
            }
            catch (Exception) { error = true; }
            return ((clock.ElapsedTicks - scheduledTicks) * 1000.0 / Stopwatch.Frequency, error);
        }

        async Task<List<(double Latency, bool Error)>> Schedule(int forSeconds)
        {
            var clock = Stopwatch.StartNew();
            var sent = new List<Task<(double, bool)>>();
            var count = (long)(rate * forSeconds);
            var late = 0;
            for (long k = 0; k < count; k++)
            {
                var due = (long)(k * Stopwatch.Frequency / rate);
                var wait = due - clock.ElapsedTicks;
                if (wait > 0) await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
                else if (-wait > Stopwatch.Frequency) late++; // the sender itself fell a second behind
                sent.Add(Send(due, clock));
            }
            var results = (await Task.WhenAll(sent)).ToList();
            for (var i = 0; i < late; i++) results.Add((double.NaN, true));
            return results;
        }

        await Schedule(Math.Min(5, seconds)); // warm-up at the same rate
        var quiet = MachineQuiet.Start(o);
        var total = Stopwatch.StartNew();
        var measured = await Schedule(seconds);
        total.Stop();
        var latencies = measured.Where(r => !double.IsNaN(r.Latency)).Select(r => r.Latency).ToList();
        Console.WriteLine($"{url}: open loop at {rate:F0} req/s for {seconds} s ({total.Elapsed.TotalSeconds:F1} s with the last answers), {measured.Count} requests, " +
            $"p50 {Stats.Percentile(latencies, 50):F1} ms, p99 {Stats.Percentile(latencies, 99):F1} ms, max {latencies.DefaultIfEmpty().Max():F1} ms " +
            $"(from the scheduled send), errors {measured.Count(r => r.Error)}");
        return quiet.Report() ? 0 : 3;
    }
}
