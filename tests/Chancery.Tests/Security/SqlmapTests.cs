using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Security;

/// <summary>sqlmap (Debian's package) against the running app on a real port, signed in with a bearer
/// token, on every API address that takes a query: list filters, search, pickers, the reports' from/to/by,
/// the audit filters and an import's dry run (the cells it looks up marked as injection points). It must find
/// nothing injectable. Boolean, error and UNION techniques at level 1 / risk 1 keep it to a few minutes.
/// It runs on its own, after the parallel tests (<see cref="AttackTools"/>): its thousands of requests to an
/// app in this process would otherwise starve the browser tests' pickers of CPU on two cores.</summary>
[Collection(AttackTools.Name)]
public sealed class SqlmapTests : IAsyncLifetime
{
    public const string SqlmapPath = "/usr/bin/sqlmap";
    private const string SkipReason = "sqlmap test skipped: no /usr/bin/sqlmap (apt-get install sqlmap; CI installs it).";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChanceryAppFactory? _app;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>Addresses whose every query parameter sqlmap tries.</summary>
    private static readonly string[] Targets =
    [
        "/api/v1/activities?q=visit&kind=state_visit&from=2025-01-01&to=2025-12-31&leader=Chinh&partner=FRA&theme=trade&sort=date&page=1&pageSize=10",
        "/api/v1/activities/export?format=csv&q=visit&partner=FRA&from=2025-01-01",
        "/api/v1/partners?q=fra&level=strategic&asOf=2025-10-31&sort=name",
        "/api/v1/people?q=chinh&side=domestic",
        "/api/v1/agreements?q=mou&type=mou&partner=USA&year=2023&status=signed&sort=date",
        "/api/v1/commitments?q=aid&partner=USA&sector=oda&status=pledged&from=2024-01-01",
        "/api/v1/directives?q=bao%20cao&classification=internal",
        "/api/v1/tasks?view=due_soon&days=7",
        "/api/v1/search?q=france",
        "/api/v1/pickers/counterparts?q=rubio",
        "/api/v1/pickers/countries?q=fra",
        "/api/v1/pickers/partners?q=fra",
        "/api/v1/reports/annual-review?from=2025-01-01&to=2025-12-31&tier=1",
        "/api/v1/reports/realisation?from=2025-01-01&to=2025-12-31&by=partner",
        "/api/v1/reports/task-scoreboard?from=2025-01-01&to=2025-12-31",
        "/api/v1/audit?entityType=Activity&user=admin&action=created&from=2025-01-01",
        "/api/v1/changes?since=1&limit=10",
    ];

    [Fact]
    public async Task Sqlmap_finds_nothing_injectable_in_the_APIs_query_taking_endpoints()
    {
        if (!File.Exists(SqlmapPath))
        {
            if (TestEnvironment.RequireAll) throw new InvalidOperationException(SkipReason);
            Assert.Skip(SkipReason);
        }
        _app = new ChanceryAppFactory(TestProvider.Sqlite);
        _app.UseKestrel(0);
        _app.StartServer();
        var baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = ChanceryAppFactory.AdminEmail, password = ChanceryAppFactory.AdminPassword }, Ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenBody>(Ct))!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Rows for the queries to find, so that a boolean difference has something to show.
        (await ActivityDataset.ImportAsync(http, ActivityDataset.Csv)).Response.EnsureSuccessStatusCode();

        var work = Directory.CreateTempSubdirectory("chancery-sqlmap-");
        try
        {
            // The import's dry run: the cells looked up in the database (reference, leader's office and name,
            // countries, counterpart, part_of) are the injection points (sqlmap's '*' marker).
            var row = "sq1*,bilateral_meeting,2025-03-01,2025-03-01,completed,Prime Minister*,Phạm Minh Chính*,,FRA*,Jean Dupont*,Minister,Paris,Probe,sq0*,government,internal,,";
            var body = ActivityDataset.Header + "\r\n" + row + "\r\n";
            var request = Path.Combine(work.FullName, "import.txt");
            await File.WriteAllTextAsync(request,
                $"POST /api/v1/activities/import?dryRun=true HTTP/1.1\r\nHost: {new Uri(baseUrl).Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: text/csv; charset=utf-8\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", Ct);

            // The import's dry run is sent from the request file (-r). It once "did not finish within 12 minutes":
            // without -u, sqlmap reads more targets from a standard input that is not a terminal, and the test
            // host's never ends; --ignore-stdin (below) stops that, and the run takes seconds.
            var runs = Targets.Select(t => new[] { "-u", baseUrl + t }).Append(["-r", request]).ToList();
            var watch = Stopwatch.StartNew();
            var outputs = new List<(string Target, int Exit, string Output)>();
            using var slots = new SemaphoreSlim(3);
            await Task.WhenAll(runs.Select(async (args, i) =>
            {
                await slots.WaitAsync(Ct);
                try
                {
                    var (exit, output) = await RunAsync(args, token, Path.Combine(work.FullName, $"run{i}"));
                    lock (outputs) outputs.Add((args[0] == "-r" ? "import dry run" : args[1], exit, output));
                }
                finally
                {
                    slots.Release();
                }
            }));
            TestContext.Current.SendDiagnosticMessage($"sqlmap: {runs.Count} runs in {watch.Elapsed.TotalSeconds:F0} s");

            foreach (var (target, exit, output) in outputs)
            {
                output.ShouldNotContain("identified the following injection point", Case.Insensitive, $"{target}:\n{output}");
                output.ShouldNotContain("is vulnerable", Case.Insensitive, $"{target}:\n{output}");
                // It ran to its end: every parameter was tried and none gave way.
                output.ShouldContain("do not appear to be injectable", Case.Insensitive, $"{target} (exit {exit}):\n{output}");
            }
            // Every marked cell of the import's row was tried (six of them), not only its address.
            outputs.Single(o => o.Target == "import dry run").Output.ShouldContain("POST parameter '#6*'");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] target, string token, string outputDir)
    {
        var start = new ProcessStartInfo(SqlmapPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in target) start.ArgumentList.Add(arg);
        foreach (var arg in new[]
        {
            "--ignore-stdin", "--batch", "--level=1", "--risk=1", "--technique=BEU", "--dbms=SQLite", "--threads=4", "--timeout=20", "--retries=1",
            "--disable-coloring", "--flush-session", "--output-dir=" + outputDir, "--answers=custom injection marker=Y",
        }) start.ArgumentList.Add(arg);
        if (target[0] == "-u") { start.ArgumentList.Add("-H"); start.ArgumentList.Add("Authorization: Bearer " + token); }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Generous: in CI it runs beside the rest of the suite on two cores.
        timeout.CancelAfter(TimeSpan.FromMinutes(12));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sqlmap {string.Join(' ', target)} did not finish within 12 minutes");
        }
        return (process.ExitCode, await output + await errors);
    }

    private sealed record TokenBody(string AccessToken);
}

/// <summary>Tools that flood an app with requests (sqlmap): run alone, after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AttackTools
{
    public const string Name = "Attack tools";
}
