using System.Diagnostics;
using System.Text;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Activities;

/// <summary>Throughput of a large activities.csv import (opt-in: set CHANCERY_BENCH=1; it takes a while).</summary>
public sealed class ActivityImportBenchmark(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_large_file_imports_quickly()
    {
        if (Environment.GetEnvironmentVariable("CHANCERY_BENCH") != "1") Assert.Skip("Benchmark: set CHANCERY_BENCH=1 to run.");
        var rows = int.TryParse(Environment.GetEnvironmentVariable("CHANCERY_BENCH_ROWS"), out var n) ? n : 20_000;
        var random = new Random(2026);
        string[] countries = ["FRA", "DEU", "JPN", "KOR", "CHN", "USA", "IND", "AUS", "LAO", "KHM", "SGP", "THA"];
        string[] leaders = ["Phạm Minh Chính|Prime Minister", "Lương Cường|Chủ tịch nước", "Trần Thanh Mẫn|Chủ tịch Quốc hội", "Bùi Thanh Sơn|Phó Thủ tướng"];
        var csv = new StringBuilder(ActivityDataset.Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var start = new DateOnly(2006, 1, 1).AddDays(random.Next(7300));
            var (name, role) = (leaders[i % 4].Split('|')[0], leaders[i % 4].Split('|')[1]);
            var visit = i % 3 == 0;
            var legs = visit ? string.Join(';', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => countries[random.Next(countries.Length)])) : countries[random.Next(countries.Length)];
            csv.Append($"bench-{i},{(visit ? "official_visit" : "phone_call")},{start:yyyy-MM-dd},{start.AddDays(visit ? 3 : 0):yyyy-MM-dd},,{role},{name},,{legs},Counterpart {i % 500},Prime Minister,,Activity {i},,,,,\n");
        }
        var admin = await fixture.App.AdminClientAsync();

        var clock = Stopwatch.StartNew();
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv.ToString());
        clock.Stop();

        response.IsSuccessStatusCode.ShouldBeTrue();
        outcome!.Created.ShouldBe(rows);
        TestContext.Current.SendDiagnosticMessage($"{rows} rows in {clock.Elapsed.TotalSeconds:F1} s = {rows / clock.Elapsed.TotalSeconds:F0} rows/s");
        File.WriteAllText("/tmp/act-bench/result.txt", $"{rows} rows in {clock.Elapsed.TotalSeconds:F1} s = {rows / clock.Elapsed.TotalSeconds:F0} rows/s\n");
    }
}
