extern alias datagen;
using System.Globalization;
using System.Text;
using datagen::Chancery.DataGen;
using Chancery.Web;
using Chancery.Web.Commitments.Realisation;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Chancery.Web.Directives;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Bench;

/// <summary>The generator's bulk path (<c>--bulk</c>, how the national-scale databases of issues 12 and 13 are
/// built) against the imports it stands in for: the same seeded rows loaded both ways into two fresh SQLite
/// databases must leave the same rows in every table, and the app's own reports (realisation by partner, the
/// task scoreboard) must read from the bulk-written data the figures the generated files mean.</summary>
public sealed class BulkScaleDataTests
{
    private const int Seed = 11;
    private static readonly string[] Tables =
        ["agreements", "agreement_parties", "commitments", "deliveries", "exchange_rates", "directives", "tasks", "task_progress"];

    [Fact]
    public async Task The_bulk_path_stores_what_the_imports_store_and_the_reports_read_the_generated_figures()
    {
        var imported = Path.Combine(Path.GetTempPath(), $"chancery-bulk-import-{Guid.NewGuid():N}.db");
        var bulk = Path.Combine(Path.GetTempPath(), $"chancery-bulk-{Guid.NewGuid():N}.db");
        try
        {
            await using var viaImport = await LoadAsync(imported, bulkPath: false);
            await using var viaBulk = await LoadAsync(bulk, bulkPath: true);

            // Every column of every row, keys, search texts, versions and decimals as text included.
            foreach (var table in Tables)
            {
                var expected = await RowsAsync(viaImport, table);
                expected.Count.ShouldBeGreaterThan(0, table);
                (await RowsAsync(viaBulk, table)).ShouldBe(expected, table);
            }

            // Realisation by partner, read from the bulk-written rows, against the generated files themselves:
            // commitments counted per partner (cancelled ones left out), doses pledged and delivered summed apart.
            var files = Generated(await UnitCodesAsync(viaBulk));
            var report = await InScope(viaBulk, s => s.GetRequiredService<RealisationQuery>()
                .ReportAsync(DateOnly.MinValue, DateOnly.MaxValue, RealisationGrouping.Partner, TestContext.Current.CancellationToken));
            var kept = files.Commitments.Where(c => c["status"] != "cancelled").ToList();
            report.Total.Commitments.ShouldBe(kept.Count);
            report.Groups.ToDictionary(g => g.Key!, g => g.Commitments)
                .ShouldBe(kept.GroupBy(c => c["partner"]).ToDictionary(g => g.Key, g => g.Count()), ignoreOrder: true);
            var doses = kept.Where(c => c["unit"] == "doses").ToList();
            doses.Count.ShouldBeGreaterThan(0);
            var delivered = files.Deliveries.Where(d => doses.Any(c => c["id"] == d["commitment_id"])).Sum(d => Number(d["amount"]));
            report.Total.Counts.Single(c => c.Unit == "doses").ShouldBe(new CountFigure("doses", doses.Sum(c => Number(c["amount"])), delivered));
            // And the same report the import path's data gives, to the last figure.
            var fromImport = await InScope(viaImport, s => s.GetRequiredService<RealisationQuery>()
                .ReportAsync(DateOnly.MinValue, DateOnly.MaxValue, RealisationGrouping.Partner, TestContext.Current.CancellationToken));
            System.Text.Json.JsonSerializer.Serialize(report).ShouldBe(System.Text.Json.JsonSerializer.Serialize(fromImport));

            // The scoreboard over every deadline, as of the generated register's last day: the leaves (tasks no
            // other task names as parent) done by their deadline, done after it, and open past it.
            var asOf = TaskGenerator.Today;
            var board = await InScope(viaBulk, s => s.GetRequiredService<TaskScoreboardQuery>()
                .ComputeAsync(new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31), asOf, TestContext.Current.CancellationToken));
            var parents = files.Tasks.Select(t => t["parent_id"]).Where(p => p.Length > 0).ToHashSet();
            var leaves = files.Tasks.Where(t => !parents.Contains(t["id"]) && t["deadline"].Length > 0).ToList();
            board.Total.DoneOnTime.ShouldBe(leaves.Count(t => t["done_date"].Length > 0 && Day(t["done_date"]) <= Day(t["deadline"])));
            board.Total.DoneLate.ShouldBe(leaves.Count(t => t["done_date"].Length > 0 && Day(t["done_date"]) > Day(t["deadline"])));
            board.Total.Overdue.ShouldBe(leaves.Count(t => t["done_date"].Length == 0 && Day(t["deadline"]) < asOf));
            board.Total.DoneOnTime.ShouldBeGreaterThan(0);
            var boardFromImport = await InScope(viaImport, s => s.GetRequiredService<TaskScoreboardQuery>()
                .ComputeAsync(new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31), asOf, TestContext.Current.CancellationToken));
            System.Text.Json.JsonSerializer.Serialize(board).ShouldBe(System.Text.Json.JsonSerializer.Serialize(boardFromImport));
        }
        finally
        {
            foreach (var file in new[] { imported, bulk }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" })) File.Delete(file);
        }
    }

    /// <summary>A fresh database with the generated directives, tasks, reports, agreements, commitments and
    /// deliveries of <see cref="Seed"/>, loaded as the generator loads them (its services, as the system).</summary>
    private static async Task<WebApplication> LoadAsync(string file, bool bulkPath)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Chancery"] = $"Data Source={file};Pooling=false",
            ["Database:Provider"] = "sqlite",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Admin:Email"] = "admin@chancery.local",
            ["Admin:Password"] = "Chancery-Admin-2026",
        });
        builder.Services.AddChancery(builder.Configuration);
        builder.Services.AddScoped<ICurrentUser>(_ => SystemUser.Instance);
        var app = builder.Build();
        await app.InitializeDatabaseAsync();
        (await ScaleLoad.TasksAsync(app.Services, TaskRows(await UnitCodesAsync(app)), 50, bulkPath)).ShouldBeTrue();
        (await ScaleLoad.AgreementsAsync(app.Services, new AgreementGenerator(Seed), 60, 200, 70, bulkPath)).ShouldBeTrue();
        return app;
    }

    private static TaskGenerator.Rows TaskRows(IReadOnlyList<string> units) => new TaskGenerator(Seed, units).Generate(12, 150, 500);

    private static Task<List<string>> UnitCodesAsync(WebApplication app) =>
        InScope(app, s => s.GetRequiredService<ChanceryDbContext>().Units.OrderBy(u => u.Code).Select(u => u.Code).ToListAsync());

    private static async Task<T> InScope<T>(WebApplication app, Func<IServiceProvider, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider);
    }

    /// <summary>Every row of a table as text, by key.</summary>
    private static Task<List<string>> RowsAsync(WebApplication app, string table) => InScope(app, async s =>
    {
        var connection = s.GetRequiredService<ChanceryDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        return rows;
    });

    /// <summary>The generated files (the same seed, so the same rows) read as plain cells by column name.</summary>
    private static (List<Dictionary<string, string>> Commitments, List<Dictionary<string, string>> Deliveries, List<Dictionary<string, string>> Tasks) Generated(
        IReadOnlyList<string> units)
    {
        // In the load's order (rates, agreements, commitments, deliveries): the generator draws them from one random sequence.
        var agreements = new AgreementGenerator(Seed);
        _ = agreements.Rates().ToList();
        _ = agreements.Agreements(60).ToList();
        var commitments = Cells(AgreementGenerator.CommitmentHeader, agreements.Commitments(200));
        var deliveries = Cells(AgreementGenerator.DeliveryHeader, agreements.Deliveries());
        // The generator spreads tasks over the units it is given: the same list as the load's (the seeded units).
        var tasks = Cells(TaskGenerator.TaskHeader, TaskRows(units).Tasks);
        return (commitments, deliveries, tasks);
    }

    /// <summary>CSV lines cut into cells by the app's own reader (quoted titles hold commas).</summary>
    private static List<Dictionary<string, string>> Cells(string header, IEnumerable<string> lines)
    {
        var problems = new ImportProblems();
        var bytes = Encoding.UTF8.GetBytes(header + "\n" + string.Join('\n', lines) + "\n");
        using var table = TabularFileReader.Read(new ImportFile("generated.csv", ImportFormat.Csv, bytes), problems)!;
        var names = header.Split(',');
        return [.. table.Rows.Select(row => names.ToDictionary(n => n, n => row.TryGetCell(n, out var v) ? v : ""))];
    }

    private static decimal Number(string text) => text.Length == 0 ? 0 : decimal.Parse(text, CultureInfo.InvariantCulture);
    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
