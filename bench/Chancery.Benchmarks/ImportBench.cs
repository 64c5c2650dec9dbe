using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Chancery.Benchmarks;

/// <summary>End-to-end import: starts the real app (its Release build) on a database of its own,
/// signs in, posts activities.csv to /api/v1/activities/import as text/csv and times the answer.
/// Memory: the app process's resident set, sampled every 50 ms from /proc, and the kernel's peak
/// (VmHWM) at the end.</summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(Options o)
    {
        var dll = Path.GetFullPath(o.Get("app", "src/Chancery.Web/bin/Release/net10.0/Chancery.Web.dll"));
        var csvPath = o.Get("csv") ?? throw new ArgumentException("--csv");
        var port = o.Int("port", 5392);
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Chancery"] = o.Get("connection") ?? throw new ArgumentException("--connection");
        start.Environment["Database__Provider"] = o.Get("provider", "sqlite");
        start.Environment["Admin__Email"] = "admin@chancery.local";
        // A throwaway database: the Production check for encrypted data-protection keys is waived on purpose.
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        start.Environment["SignIn__TwoFactorFrom"] = "none"; // the bench signs in with the password alone
        start.Environment["Admin__Password"] = "Chancery-Admin-2026";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var postgres = Database.IsPostgres(o.Get("provider", "sqlite"));
        var withFloor = o.Get("floor", "no") == "yes";
        Dictionary<string, long>? maxIds = null;
        double? importSeconds = null;
        var status = 1;
        using var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
            for (var i = 0; ; i++)
            {
                try { if ((await client.GetAsync("/health")).IsSuccessStatusCode) break; }
                catch (HttpRequestException) when (i < 600) { }
                await Task.Delay(200);
            }
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@chancery.local", password = "Chancery-Admin-2026" });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            if (withFloor) maxIds = await ImportFloor.MaxIdsAsync(postgres, start.Environment["ConnectionStrings__Chancery"]!);
            var csv = await File.ReadAllBytesAsync(csvPath);
            var rows = Encoding.UTF8.GetString(csv).Count(c => c == '\n') - 1;
            var before = Rss(app.Id);
            var peakSampled = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakSampled = Math.Max(peakSampled, Rss(app.Id));
                    try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var cpuBefore = app.TotalProcessorTime;
            var quiet = MachineQuiet.Start(Options.Parse(["--app-pid", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--max-others", o.Get("max-others", "0.25")]));
            var clock = Stopwatch.StartNew();
            using var content = new ByteArrayContent(csv);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var response = await client.PostAsync("/api/v1/activities/import", content);
            clock.Stop();
            var cpu = app.TotalProcessorTime - cpuBefore;
            await sampling.CancelAsync();
            await sampler;
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"HTTP {(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
            Console.WriteLine($"{rows} rows in {clock.Elapsed.TotalSeconds:F1} s = {rows / clock.Elapsed.TotalSeconds:F0} rows/s (app CPU {cpu.TotalSeconds:F1} s); " +
                $"resident memory before {before / 1048576.0:F0} MiB, peak sampled {peakSampled / 1048576.0:F0} MiB, process peak (VmHWM) {Hwm(app.Id) / 1048576.0:F0} MiB");
            var reported = quiet.Report();
            status = !response.IsSuccessStatusCode ? 1 : reported ? 0 : 3;
            if (response.IsSuccessStatusCode) importSeconds = clock.Elapsed.TotalSeconds;
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
        if (maxIds is null || importSeconds is not { } seconds) return status;
        // The floor runs alone, after the app has stopped (it has the machine to itself, as the import had).
        var (floor, floorRows) = await ImportFloor.MeasureAsync(postgres, start.Environment["ConnectionStrings__Chancery"]!, maxIds);
        Console.WriteLine($"floor: the database's own bulk load of the same {floorRows} rows ({(postgres ? "CSV COPY" : "INSERT … SELECT")}, " +
            $"one transaction) {floor.TotalSeconds:F1} s; the import reaches {floor.TotalSeconds / seconds:P0} of it");
        return status;
    }

    private static long Rss(int pid) => Status(pid, "VmRSS:");
    private static long Hwm(int pid) => Status(pid, "VmHWM:");

    private static long Status(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
    }
}
