using System.Diagnostics;
using Chancery.Web.Data;
using Chancery.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Benchmarks;

/// <summary>Median server time of the annual review (Reports/AnnualReviewQuery) against the floor
/// (<see cref="ReviewSql"/>) on the same database, timed alternately call by call; checks both give the same figures.</summary>
public static class ReviewBench
{
    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Get("provider", "sqlite");
        var year = o.Int("year", 2024);
        var tier = o.Int("tier", 1);
        var iterations = o.Int("iterations", 20);
        // Enough calls first for tiered compilation to optimise the hot paths (a method is recompiled
        // after 30 calls): a serving app is in that state, a freshly started one is not.
        var warmup = o.Int("warmup", 40);
        await using var app = Database.Host(provider, o.Get("connection") ?? throw new ArgumentException("--connection"));
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

        AnnualReview? review = null;
        ReviewSql.Figures? floor = null;
        async Task<double> Once(Func<ChanceryDbContext, Task> run)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            var clock = Stopwatch.StartNew();
            await run(db);
            return clock.Elapsed.TotalMilliseconds;
        }
        Task<double> App() => Once(async db => review = await AnnualReviewQuery.ComputeAsync(db, from, to, tier, false, CancellationToken.None));
        Task<double> Floor() => Once(async db => floor = await ReviewSql.RunAsync(db, from, to, tier, CancellationToken.None));

        // Call by call, alternating which goes first, so both meet the same caches, the same background
        // work and the same moment of the machine (all app calls, then all floor calls, flattered the second).
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
        double[] ef = [.. appTimes], sql = [.. floorTimes];

        var f = review!.Figures;
        Console.WriteLine($"figures EF : headline {f.HighLevelActivities}, outgoing {f.OutgoingVisits}, countries {f.CountriesVisited}, conferences {f.MultilateralConferences}, bilateral {f.BilateralMeetings}, incoming {f.IncomingVisits}, calls {f.PhoneCalls}, talks {f.OnlineTalks}");
        Console.WriteLine($"figures SQL: headline {floor!.Headline}, outgoing {floor.Outgoing}, countries {floor.Countries}, conferences {floor.Conferences}, bilateral {floor.Bilateral}, incoming {floor.Incoming}, calls {floor.Calls}, talks {floor.Talks}");
        var same = f.HighLevelActivities == floor.Headline && f.OutgoingVisits == floor.Outgoing && f.CountriesVisited == floor.Countries
            && f.MultilateralConferences == floor.Conferences && f.BilateralMeetings == floor.Bilateral && f.IncomingVisits == floor.Incoming
            && f.PhoneCalls == floor.Calls && f.OnlineTalks == floor.Talks;
        var efMedian = Stats.Percentile(ef, 50);
        var sqlMedian = Stats.Percentile(sql, 50);
        Console.WriteLine($"{provider} {year} tier {tier}, {iterations} runs after {warmup} warm-up runs: AnnualReviewQuery median {efMedian:F1} ms (min {ef.Min():F1}, p90 {Stats.Percentile(ef, 90):F1}); " +
            $"hand SQL median {sqlMedian:F1} ms (min {sql.Min():F1}, p90 {Stats.Percentile(sql, 90):F1}); ratio {efMedian / sqlMedian:F2}; same figures: {same}");
        var reported = quiet.Report();
        return !same ? 1 : reported ? 0 : 3;
    }
}
