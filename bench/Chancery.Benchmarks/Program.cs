using BenchmarkDotNet.Running;
using Chancery.Benchmarks;

// dotnet run -c Release --project bench/Chancery.Benchmarks -- <mode> [options]
//   review      annual review: EF query vs hand-written SQL, medians (stopwatch; fast)
//   realisation the realisation report by partner over all years: the module's query vs hand-written SQL, medians
//   review-bdn  the same with BenchmarkDotNet (slow; set CHANCERY_BENCH_SQLITE / CHANCERY_BENCH_POSTGRES)
//   import      end-to-end import of a CSV through the running app's HTTP API, rows/s and peak memory
//   migrate     brings a database to this build's schema (migrations and seeders, as the app's start does)
//   page        a list page against the API call for the same list, alternating, one client (page / API ratio)
//   load        HTTP load runner: N concurrent workers on one URL for S seconds
//   bare        a minimal app answering the activity list with the same SQL, without the framework
//   soak        open-loop mixed traffic from simulated users for a long time (bench/soak.sh), latency and memory over time
//   scoreboard  the unit task scoreboard for a year: TaskScoreboardQuery vs hand-written SQL, medians
//   myunit      an officer's "my unit" task list: DirectiveQueries.UnitTasksAsync vs hand-written SQL, medians
var mode = args.FirstOrDefault() ?? "";
var rest = args.Skip(1).ToArray();
return mode switch
{
    "review" => await ReviewBench.RunAsync(Options.Parse(rest)),
    "review-bdn" => RunBdn(rest),
    "realisation" => await RealisationBench.RunAsync(Options.Parse(rest)),
    "import" => await ImportBench.RunAsync(Options.Parse(rest)),
    "load" => await LoadRunner.RunAsync(Options.Parse(rest)),
    "page" => await PageBench.RunAsync(Options.Parse(rest)),
    "migrate" => await MigrateAsync(Options.Parse(rest)),
    "bare" => await BareListApp.RunAsync(Options.Parse(rest)),
    "soak" => await SoakRunner.RunAsync(Options.Parse(rest)),
    "scoreboard" or "myunit" => await TaskBench.RunAsync(mode, Options.Parse(rest)),
    _ => Usage(),
};

static int RunBdn(string[] rest)
{
    BenchmarkRunner.Run<AnnualReviewBenchmarks>(args: rest);
    return 0;
}

static async Task<int> MigrateAsync(Options o)
{
    await using var app = Database.Host(o.Get("provider", "sqlite"), o.Get("connection") ?? throw new ArgumentException("--connection"));
    await Chancery.Web.Data.DatabaseInitializer.InitializeDatabaseAsync(app);
    Console.WriteLine("schema up to date");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("modes: migrate | review | realisation | review-bdn | import | load | page | bare | soak | scoreboard | myunit (see docs/benchmarks.md)");
    return 2;
}
