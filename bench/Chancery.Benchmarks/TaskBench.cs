using System.Diagnostics;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Directives;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Benchmarks;

/// <summary>Median server time of the two task questions of issue 13, the module's real query code
/// against the floor (<see cref="TaskSql"/>) on the same database, timed alternately call by call after
/// a warm-up, with a check that both give the same answer:
/// <c>scoreboard</c>: the unit scoreboard for a year as of a day (TaskScoreboardQuery);
/// <c>myunit</c>: an officer's "my unit" list (DirectiveQueries.UnitTasksAsync, the /tasks page's 500 rows).</summary>
public static class TaskBench
{
    public static async Task<int> RunAsync(string mode, Options o)
    {
        var provider = o.Get("provider", "sqlite");
        var iterations = o.Int("iterations", 20);
        var warmup = o.Int("warmup", 40);
        await using var app = Database.Host(provider, o.Get("connection") ?? throw new ArgumentException("--connection"));

        Func<ChanceryDbContext, IServiceProvider, Task<object>> appCall, floorCall;
        Func<object, object, (bool Same, string Summary)> compare;
        string label;
        if (mode == "scoreboard")
        {
            var year = o.Int("year", 2024);
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var asOf = o.Get("asof") is { } a ? DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture) : new DateOnly(year + 1, 3, 31);
            label = $"scoreboard {year} as of {asOf:yyyy-MM-dd}";
            appCall = async (db, sp) => await sp.GetRequiredService<TaskScoreboardQuery>().ComputeAsync(from, to, asOf, CancellationToken.None);
            floorCall = async (db, sp) => await TaskSql.ScoreboardAsync(db, from, to, asOf, CancellationToken.None);
            compare = (x, y) => SameBoard((TaskScoreboard)x, (List<TaskSql.Counts>)y);
        }
        else
        {
            var code = o.Get("unit", "MOFA-ECON");
            var limit = o.Int("limit", 500);
            int unitId;
            using (var scope = app.Services.CreateScope())
                unitId = await scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
            var today = TimeProvider.System.Today();
            label = $"my unit {code} (and below), first {limit}, today {today:yyyy-MM-dd}";
            appCall = async (db, sp) => await sp.GetRequiredService<DirectiveQueries>().UnitTasksAsync(unitId, limit, CancellationToken.None);
            floorCall = async (db, sp) => await TaskSql.MyUnitAsync(db, unitId, today, limit, CancellationToken.None);
            compare = (x, y) => SameList((IReadOnlyList<TaskListItem>)x, (List<TaskSql.UnitTask>)y, today);
        }

        object? appAnswer = null, floorAnswer = null;
        async Task<double> Once(Func<ChanceryDbContext, IServiceProvider, Task<object>> run, Action<object> keep)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
            var clock = Stopwatch.StartNew();
            var answer = await run(db, scope.ServiceProvider);
            var ms = clock.Elapsed.TotalMilliseconds;
            keep(answer);
            return ms;
        }

        // Call by call, alternating which goes first (see ReviewBench).
        var quiet = MachineQuiet.Start(o);
        var appTimes = new List<double>();
        var floorTimes = new List<double>();
        for (var i = 0; i < iterations + warmup; i++)
        {
            double a, b;
            if (i % 2 == 0) { a = await Once(appCall, x => appAnswer = x); b = await Once(floorCall, x => floorAnswer = x); }
            else { b = await Once(floorCall, x => floorAnswer = x); a = await Once(appCall, x => appAnswer = x); }
            if (i < warmup) continue;
            appTimes.Add(a);
            floorTimes.Add(b);
        }
        var (same, summary) = compare(appAnswer!, floorAnswer!);
        Console.WriteLine(summary);
        var appMedian = Stats.Percentile(appTimes, 50);
        var floorMedian = Stats.Percentile(floorTimes, 50);
        Console.WriteLine($"{provider} {label}, {iterations} runs after {warmup} warm-up runs: app median {appMedian:F1} ms (min {appTimes.Min():F1}, " +
            $"p90 {Stats.Percentile(appTimes, 90):F1}); hand SQL median {floorMedian:F1} ms (min {floorTimes.Min():F1}, p90 {Stats.Percentile(floorTimes, 90):F1}); " +
            $"ratio {appMedian / floorMedian:F2}; same answer: {same}");
        var reported = quiet.Report();
        return !same ? 1 : reported ? 0 : 3;
    }

    private static (bool, string) SameBoard(TaskScoreboard board, List<TaskSql.Counts> floor)
    {
        static string Line(string unit, int onTime, int late, int overdue, int inProgress, int standing) =>
            $"{unit}:{onTime}/{late}/{overdue}/{inProgress}/{standing}";
        var app = board.Units.Select(u => Line(u.Unit, u.DoneOnTime, u.DoneLate, u.Overdue, u.InProgress, u.Standing))
            .Concat(board.Units.Where(u => u.KeyTasks is not null).Select(u => Line(u.Unit + "*", u.KeyTasks!.DoneOnTime, u.KeyTasks.DoneLate,
                u.KeyTasks.Overdue, u.KeyTasks.InProgress, u.KeyTasks.Standing))).Order(StringComparer.Ordinal).ToList();
        var all = floor.GroupBy(c => c.Unit).SelectMany(g => new[]
        {
            Line(g.Key, g.Sum(c => c.OnTime), g.Sum(c => c.Late), g.Sum(c => c.Overdue), g.Sum(c => c.InProgress), g.Sum(c => c.Standing)),
            Line(g.Key + "*", g.Where(c => c.Key).Sum(c => c.OnTime), g.Where(c => c.Key).Sum(c => c.Late), g.Where(c => c.Key).Sum(c => c.Overdue),
                g.Where(c => c.Key).Sum(c => c.InProgress), g.Where(c => c.Key).Sum(c => c.Standing)),
        }).Order(StringComparer.Ordinal).ToList();
        var t = board.Total;
        return (app.SequenceEqual(all), $"answer app : total {t.Tasks} tasks ({t.DoneOnTime} on time, {t.DoneLate} late, {t.Overdue} overdue, " +
            $"{t.InProgress} in progress, {t.Standing} standing), rate {t.OnTimeRate}, {board.Units.Count} units\nanswer SQL : {floor.Sum(c => c.OnTime)} on time, " +
            $"{floor.Sum(c => c.Late)} late, {floor.Sum(c => c.Overdue)} overdue, {floor.Sum(c => c.InProgress)} in progress, {floor.Sum(c => c.Standing)} standing");
    }

    private static (bool, string) SameList(IReadOnlyList<TaskListItem> app, List<TaskSql.UnitTask> floor, DateOnly today)
    {
        string Status(TaskSql.UnitTask t) => Codes<TaskState>.ToCode(new TaskTimeline(t.Deadline, t.DoneDate, DateOnly.MinValue, []).On(today)!.Value.State);
        int Percent(TaskSql.UnitTask t) => t.DoneDate is { } d && d <= today ? 100 : t.Percent ?? 0;
        var a = app.Select(t => $"{t.Id}:{t.Title}:{t.DirectiveTitle}:{t.LeadUnit}:{t.LeadUnitName}:{t.Deadline}:{t.DoneDate}:{t.KeyTask}:{t.Status}:{t.Percent}").ToList();
        var b = floor.Select(t => $"{t.Id}:{t.Title}:{t.Directive}:{t.Unit}:{t.UnitName}:{t.Deadline}:{t.DoneDate}:{t.KeyTask}:{Status(t)}:{Percent(t)}").ToList();
        return (a.SequenceEqual(b), $"answer app : {app.Count} tasks, {app.Count(t => t.Status == "overdue")} overdue, first deadline {app.FirstOrDefault()?.Deadline}\n" +
            $"answer SQL : {floor.Count} tasks, {floor.Count(t => Status(t) == "overdue")} overdue, first deadline {floor.FirstOrDefault()?.Deadline}");
    }
}
