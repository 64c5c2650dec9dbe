using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace Chancery.Benchmarks;

/// <summary>The soak (issues "Trust" and "Speed"): open-loop mixed traffic from simulated users for a
/// long time against a running deployment (two instances behind nginx in <c>bench/soak.sh</c>). Requests
/// arrive at a fixed mean rate (Poisson), each from a random user doing a random thing of the mix (pages,
/// API reads, exports, imports); latency is measured from the scheduled time. Every 10 s it records the
/// window's requests, errors, p50 and p99 and the resident memory of each app process (<c>--app-pid</c>),
/// and at the end writes them as CSV and as an SVG chart, and prints the verdict: zero errors, memory flat.</summary>
public static partial class SoakRunner
{
    private sealed record Sample(double Minute, int Requests, int Errors, double P50, double P99, double[] RssMiB);
    private sealed record Done(string Action, double Latency, string? Error);

    public static async Task<int> RunAsync(Options o)
    {
        var baseUrl = new Uri(o.Get("url") ?? throw new ArgumentException("--url (the proxy's address)"));
        var users = o.Int("users", 100);
        var minutes = double.Parse(o.Get("minutes", "30"), CultureInfo.InvariantCulture);
        var rate = double.Parse(o.Get("rate", "30"), CultureInfo.InvariantCulture);
        var outPrefix = o.Get("out", "/tmp/soak");
        var pids = (o.Get("app-pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var email = o.Get("email", "admin@chancery.local");
        var password = o.Get("password", "Chancery-Admin-2026");

        Console.WriteLine($"soak: {users} users, {rate} requests/s on average, {minutes} min, against {baseUrl}");
        var admin = await SignIn.ApiClientAsync(baseUrl, email, password);
        var people = await CreateUsersAsync(baseUrl, admin, users);
        // Ids every simulated user may read: sampled by a user of the lowest clearance among them.
        var reader = people.First(p => p.Number % 3 == 0).Api;
        var ids = await SampleActivityIdsAsync(reader);
        var partners = await SamplePartnerCodesAsync(reader);
        Console.WriteLine($"soak: {people.Count} users signed in (cookie and bearer), {ids.Count} activity ids and {partners.Count} partners to read");

        var done = new ConcurrentQueue<Done>();
        var samples = new List<Sample>();
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromMinutes(minutes);
        var inFlight = new List<Task>();
        var importRun = 0;

        using var sampler = new PeriodicTimer(TimeSpan.FromSeconds(10));
        var sampling = Task.Run(async () =>
        {
            while (await sampler.WaitForNextTickAsync())
            {
                var window = new List<Done>();
                while (done.TryDequeue(out var d)) window.Add(d);
                var lat = window.Select(d => d.Latency).ToList();
                var sample = new Sample(clock.Elapsed.TotalMinutes, window.Count, window.Count(d => d.Error is not null),
                    Stats.Percentile(lat, 50), Stats.Percentile(lat, 99), pids.Select(RssMiB).ToArray());
                lock (samples) samples.Add(sample);
                foreach (var e in window.Where(d => d.Error is not null).Take(3)) Console.WriteLine($"  error: {e.Action}: {e.Error}");
                Console.WriteLine($"  {sample.Minute,5:F1} min: {sample.Requests} requests, {sample.Errors} errors, p50 {sample.P50:F0} ms, p99 {sample.P99:F0} ms, " +
                    $"RSS {string.Join(" / ", sample.RssMiB.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))} MiB");
                if (clock.Elapsed > until) break;
            }
        });

        // Poisson arrivals: exponential gaps with the mean 1/rate, scheduled on the clock, not after answers.
        var next = 0.0;
        while (next < until.TotalSeconds)
        {
            next += -Math.Log(1 - random.NextDouble()) / rate;
            var wait = next - clock.Elapsed.TotalSeconds;
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait));
            var user = people[random.Next(people.Count)];
            var action = PickAction(random);
            var scheduled = next;
            var seed = random.Next();
            if (action == "import") Interlocked.Increment(ref importRun);
            var run = importRun;
            inFlight.Add(Task.Run(async () =>
            {
                string? error;
                try { error = await DoAsync(action, user, ids, partners, new Random(seed), run); }
                catch (Exception e) { error = e.GetType().Name + ": " + e.Message; }
                done.Enqueue(new Done(action, (clock.Elapsed.TotalSeconds - scheduled) * 1000, error));
            }));
            if (inFlight.Count > 2000) inFlight.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(inFlight);
        await sampling;
        return Report(samples, outPrefix, minutes);
    }

    /// <summary>The mix of what people do, in per-mille: mostly reading lists and records, some pages
    /// (the home page shows the user's unit's latest changes: every soak user belongs to a unit),
    /// searches, a few exports and imports.</summary>
    private static readonly (string Action, int PerMille)[] Mix =
    [
        ("api-list", 260), ("api-detail", 150), ("api-review", 40), ("api-partners", 40),
        ("page-activities", 100), ("page-activity", 80), ("page-home", 60), ("page-review", 30), ("page-calendar", 50),
        // The header search (/search) is left out: it reads every record's text (about 2.4 s a query at
        // 500,000 activities; docs/benchmarks.md "(f) Soak"), so a few a second would swamp two cores.
        ("page-people", 40), ("page-partner", 40),
        ("export-csv", 50), ("export-xlsx", 20), ("import", 40),
    ];

    private static string PickAction(Random random)
    {
        var r = random.Next(1000);
        foreach (var (action, perMille) in Mix)
        {
            if (r < perMille) return action;
            r -= perMille;
        }
        return Mix[0].Action;
    }

    private static async Task<string?> DoAsync(string action, SoakUser user, IReadOnlyList<int> ids, IReadOnlyList<string> partners, Random random, int importRun)
    {
        string[] words = ["Nhật Bản", "hợp tác", "Lào", "thương mại", "Hoa Kỳ", "Thủ tướng", "ASEAN", "visit"];
        var word = Uri.EscapeDataString(words[random.Next(words.Length)]);
        var year = 2010 + random.Next(16);
        var id = ids[random.Next(ids.Count)];
        string[] kinds = ["bilateral_meeting", "incoming_visit", "official_visit", "phone_call", "reception"];
        var kind = kinds[random.Next(kinds.Length)];
        HttpResponseMessage response = action switch
        {
            "api-list" => await user.Api.GetAsync($"/api/v1/activities?from={year}-01-01&to={year}-12-31&kind={kind}&page={1 + random.Next(5)}&pageSize=50"),
            "api-detail" => await user.Api.GetAsync($"/api/v1/activities/{id}"),
            "api-review" => await user.Api.GetAsync($"/api/v1/reports/annual-review?from={year}-01-01&to={year}-12-31"),
            "api-partners" => await user.Api.GetAsync("/api/v1/partners?page=1&pageSize=50"),
            "page-activities" => await user.Browser.GetAsync($"/activities?from={year}-01-01&to={year}-12-31&kind={kind}"),
            "page-activity" => await user.Browser.GetAsync($"/activities/{id}"),
            "page-home" => await user.Browser.GetAsync("/"),
            "page-review" => await user.Browser.GetAsync($"/reports/annual-review?from={year}-01-01&to={year}-12-31"),
            "page-calendar" => await user.Browser.GetAsync($"/calendar?month={year}-0{1 + random.Next(9)}"),
            "page-search" => await user.Browser.GetAsync($"/search?q={word}"),
            "page-people" => await user.Browser.GetAsync($"/people?q={word}"),
            "page-partner" => await user.Browser.GetAsync($"/partners/{partners[random.Next(partners.Count)]}"),
            "export-csv" => await user.Api.GetAsync($"/api/v1/activities/export?format=csv&from={year}-03-01&to={year}-03-31&kind={kind}"),
            "export-xlsx" => await user.Api.GetAsync($"/api/v1/activities/export?format=xlsx&from={year}-03-01&to={year}-03-31&kind={kind}"),
            "import" => await user.Api.PostAsync("/api/v1/activities/import", new StringContent(ImportCsv(importRun, user.Number), Encoding.UTF8, "text/csv")),
            _ => throw new InvalidOperationException(action),
        };
        using (response)
        {
            // Reading the whole body is part of the request (a page is not served until its last byte).
            await response.Content.LoadIntoBufferAsync();
            if (response.IsSuccessStatusCode) return null;
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            return $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body[..Math.Min(300, body.Length)]}";
        }
    }

    /// <summary>Twenty new activities per import, references unique to the run and user.</summary>
    private static string ImportCsv(int run, int user)
    {
        var csv = new StringBuilder("id,kind,date_start,date_end,status,leader_role,leader_name,countries_iso3,title,classification\n");
        for (var i = 0; i < 20; i++)
        {
            var date = $"2026-0{1 + i % 9}-1{i % 10}";
            csv.Append(CultureInfo.InvariantCulture, $"soak-{run}-{user}-{i},bilateral_meeting,{date},{date},completed,Thứ trưởng Bộ Ngoại giao,Người thử tải {user},JPN,Tiếp xúc thử tải {run}-{i},internal\n");
        }
        return csv.ToString();
    }

    private sealed record SoakUser(int Number, HttpClient Api, HttpClient Browser);

    private static async Task<List<SoakUser>> CreateUsersAsync(Uri baseUrl, HttpClient admin, int count)
    {
        const string password = "Soak-Tester-Lotus-2026!";
        string[] clearances = ["internal", "confidential", "secret"];
        var units = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/units")).GetProperty("items").EnumerateArray()
            .Select(u => u.GetProperty("id").GetInt32()).ToList();
        var users = new List<SoakUser>();
        for (var i = 1; i <= count; i++)
        {
            var email = $"soak.user{i}@bench.local";
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = $"Soak user {i}", unitId = units.Count == 0 ? (int?)null : units[i % units.Count], role = "officer", clearance = clearances[i % 3], password });
            if (!created.IsSuccessStatusCode && created.StatusCode != HttpStatusCode.Conflict && created.StatusCode != HttpStatusCode.UnprocessableEntity)
                throw new InvalidOperationException($"creating {email} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            users.Add(new SoakUser(i, await SignIn.ApiClientAsync(baseUrl, email, password), await SignIn.BrowserClientAsync(baseUrl, email, password)));
        }
        return users;
    }

    private static async Task<IReadOnlyList<int>> SampleActivityIdsAsync(HttpClient admin)
    {
        var ids = new List<int>();
        for (var year = 2010; year <= 2025; year++)
        {
            var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/activities?from={year}-01-01&to={year}-12-31&pageSize=50");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        }
        if (ids.Count == 0) throw new InvalidOperationException("no internal activity to read: load the demo or bench data first");
        return ids;
    }

    private static async Task<IReadOnlyList<string>> SamplePartnerCodesAsync(HttpClient reader)
    {
        var page = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/partners?page=1&pageSize=100");
        var codes = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
        if (codes.Count == 0) throw new InvalidOperationException("no partner to read: load the reference data first");
        return codes;
    }

    private static double RssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { return double.NaN; }
    }

    private static int Report(List<Sample> samples, string outPrefix, double minutes)
    {
        var csv = new StringBuilder("minute,requests,errors,p50_ms,p99_ms," + string.Join(',', samples.FirstOrDefault()?.RssMiB.Select((_, i) => $"rss{i + 1}_mib") ?? []) + "\n");
        foreach (var s in samples)
            csv.Append(CultureInfo.InvariantCulture, $"{s.Minute:F2},{s.Requests},{s.Errors},{s.P50:F1},{s.P99:F1},{string.Join(',', s.RssMiB.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}\n");
        File.WriteAllText(outPrefix + ".csv", csv.ToString());
        File.WriteAllText(outPrefix + ".svg", SoakChart.Svg(samples.Select(s => (s.Minute, s.P50, s.P99, s.RssMiB)).ToList()));

        var requests = samples.Sum(s => s.Requests);
        var errors = samples.Sum(s => s.Errors);
        // Memory after warm-up (the first fifth of the run) against the last fifth: flat when it grew by
        // less than 10% on every instance.
        var warm = samples.Where(s => s.Minute > minutes / 5).ToList();
        var early = warm.Take(Math.Max(1, warm.Count / 5)).ToList();
        var late = warm.Skip(warm.Count - Math.Max(1, warm.Count / 5)).ToList();
        var instances = samples.FirstOrDefault()?.RssMiB.Length ?? 0;
        var flat = true;
        for (var i = 0; i < instances; i++)
        {
            var a = early.Average(s => s.RssMiB[i]);
            var b = late.Average(s => s.RssMiB[i]);
            flat &= b <= a * 1.10;
            Console.WriteLine($"instance {i + 1}: RSS {a:F0} MiB after warm-up, {b:F0} MiB at the end ({(b - a) / a:P0})");
        }
        var p99s = samples.Select(s => s.P99).Where(p => !double.IsNaN(p)).ToList();
        Console.WriteLine($"soak: {requests} requests in {minutes} min, {errors} errors, median of the 10-s p50s {Stats.Percentile(samples.Select(s => s.P50).ToList(), 50):F0} ms, " +
            $"worst 10-s p99 {p99s.DefaultIfEmpty().Max():F0} ms; memory {(flat ? "flat" : "GROWING")}; {outPrefix}.csv and {outPrefix}.svg written");
        return errors == 0 && flat ? 0 : 1;
    }
}
