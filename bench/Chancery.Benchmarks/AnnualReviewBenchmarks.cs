using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Chancery.Web.Data;
using Chancery.Web.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Benchmarks;

/// <summary>BenchmarkDotNet version of the review comparison (in-process, short job). Databases from
/// CHANCERY_BENCH_SQLITE and CHANCERY_BENCH_POSTGRES (connection strings; generated once with
/// bench/Chancery.DataGen).</summary>
[Config(typeof(ShortInProcess))]
public class AnnualReviewBenchmarks
{
    private sealed class ShortInProcess : BenchmarkDotNet.Configs.ManualConfig
    {
        public ShortInProcess() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1));
    }

    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private WebApplication? _app;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var connection = Environment.GetEnvironmentVariable(Provider == "sqlite" ? "CHANCERY_BENCH_SQLITE" : "CHANCERY_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set CHANCERY_BENCH_SQLITE and CHANCERY_BENCH_POSTGRES.");
        _app = Database.Host(Provider, connection);
    }

    [GlobalCleanup]
    public void Cleanup() => _app?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenSql()
    {
        using var scope = _app!.Services.CreateScope();
        return (await ReviewSql.RunAsync(scope.ServiceProvider.GetRequiredService<ChanceryDbContext>(), From, To, 1, CancellationToken.None)).Headline;
    }

    [Benchmark]
    public async Task<int> AnnualReviewQueryEf()
    {
        using var scope = _app!.Services.CreateScope();
        var review = await AnnualReviewQuery.ComputeAsync(scope.ServiceProvider.GetRequiredService<ChanceryDbContext>(), From, To, 1, false, CancellationToken.None);
        return review.Figures.HighLevelActivities;
    }
}
