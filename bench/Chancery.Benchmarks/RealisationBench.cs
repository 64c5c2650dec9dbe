using System.Diagnostics;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Benchmarks;

/// <summary>Median server time of the realisation report by partner over all years, the app's path (the module's
/// own query, <see cref="RealisationQuery.ReportAsync"/>, as GET /api/v1/reports/realisation?by=partner runs it)
/// against the floor (<see cref="RealisationSql"/>) on the same database, timed alternately call by call;
/// checks both give the same figures for every partner.</summary>
public static class RealisationBench
{
    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Get("provider", "sqlite");
        var iterations = o.Int("iterations", 20);
        var warmup = o.Int("warmup", 40);
        await using var app = Database.Host(provider, o.Get("connection") ?? throw new ArgumentException("--connection"));

        RealisationReport? report = null;
        List<RealisationSql.Group>? floor = null;
        async Task<double> Once(Func<IServiceProvider, Task> run)
        {
            using var scope = app.Services.CreateScope();
            var clock = Stopwatch.StartNew();
            await run(scope.ServiceProvider);
            return clock.Elapsed.TotalMilliseconds;
        }
        Task<double> App() => Once(async s => report = await s.GetRequiredService<RealisationQuery>()
            .ReportAsync(DateOnly.MinValue, DateOnly.MaxValue, RealisationGrouping.Partner, CancellationToken.None));
        Task<double> Floor() => Once(async s => floor = await RealisationSql.RunAsync(s.GetRequiredService<ChanceryDbContext>(), CancellationToken.None));

        // Call by call, alternating which goes first, so both meet the same caches and the same moment of the machine.
        var quiet = MachineQuiet.Start(o);
        var appTimes = new List<double>();
        var floorTimes = new List<double>();
        for (var i = 0; i < iterations + warmup; i++)
        {
            double a, b;
            if (i % 2 == 0) { a = await App(); b = await Floor(); }
            else { b = await Floor(); a = await App(); }
            if (i < warmup) continue;
            appTimes.Add(a);
            floorTimes.Add(b);
        }

        var groups = report!.Groups.Where(g => g.Key is not null).ToList();
        var same = groups.Count == floor!.Count && groups.Zip(floor).All(p => p.First.Key == p.Second.Key
            && p.First.Commitments == p.Second.Commitments && p.First.PledgedUsd == p.Second.PledgedUsd
            && p.First.RealisedUsd == p.Second.RealisedUsd && p.First.OverDeliveredUsd == p.Second.OverDeliveredUsd);
        var t = report.Total;
        Console.WriteLine($"figures app  : {groups.Count} partners, {t.Commitments} commitments, pledged {t.PledgedUsd:N2} USD, realised {t.RealisedUsd:N2}, over {t.OverDeliveredUsd:N2}, {report.Unconverted.Count} unconverted");
        Console.WriteLine($"figures floor: {floor.Count} partners, {floor.Sum(g => g.Commitments)} commitments, pledged {floor.Sum(g => g.PledgedUsd):N2} USD, realised {floor.Sum(g => g.RealisedUsd):N2}, over {floor.Sum(g => g.OverDeliveredUsd):N2}");
        double[] appArray = [.. appTimes], sqlArray = [.. floorTimes];
        var appMedian = Stats.Percentile(appArray, 50);
        var sqlMedian = Stats.Percentile(sqlArray, 50);
        Console.WriteLine($"{provider} realisation by partner, all years, {iterations} runs after {warmup} warm-up runs: RealisationQuery median {appMedian:F1} ms " +
            $"(min {appArray.Min():F1}, p90 {Stats.Percentile(appArray, 90):F1}); hand SQL median {sqlMedian:F1} ms (min {sqlArray.Min():F1}, p90 {Stats.Percentile(sqlArray, 90):F1}); " +
            $"ratio {appMedian / sqlMedian:F2}; same figures: {same}");
        var reported = quiet.Report();
        return !same ? 1 : reported ? 0 : 3;
    }
}
