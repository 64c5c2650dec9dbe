using System.Diagnostics;
using System.Text;
using Chancery.DataGen.Bulk;
using Chancery.Web.Activities;
using Chancery.Web.Common.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.DataGen;

/// <summary>Loads the generated scale modules (issue 13's directives, tasks and progress reports; issue #12's
/// agreements, commitments, deliveries and rates) into a database, either through the imports a user runs, in
/// batches (<c>bulk: false</c>, the way their speed is measured), or by the bulk path (<c>--bulk</c>: the same rows,
/// parsed by the same imports, written straight into the tables; see Bulk/), which builds the national-scale
/// databases in minutes rather than hours. Prints each file's rows/s and this program's CPU seconds.</summary>
public static class ScaleLoad
{
    public static async Task<bool> TasksAsync(IServiceProvider services, TaskGenerator.Rows rows, int batch, bool bulk)
    {
        if (bulk)
        {
            var loader = new TaskBulk(services, TimeProvider.System);
            await Timed("directives", rows.Directives.Count, p => loader.DirectivesAsync(rows.Directives, batch, p));
            await Timed("tasks", rows.Tasks.Count, p => loader.TasksAsync(rows.Tasks, batch, p));
            await Timed("task_progress", rows.Progress.Count, p => loader.ProgressAsync(rows.Progress, batch, p));
            return true;
        }
        foreach (var (name, header, list) in new[] { ("directives.csv", TaskGenerator.DirectiveHeader, rows.Directives),
                     ("tasks.csv", TaskGenerator.TaskHeader, rows.Tasks), ("task_progress.csv", TaskGenerator.ProgressHeader, rows.Progress) })
            if (!await ImportInBatchesAsync(services, name, header, list, batch)) return false;
        return true;
    }

    /// <summary>Rates always through their import (a few hundred rows, and the demo's rates update them after);
    /// agreements, commitments and deliveries through theirs or the bulk path.</summary>
    public static async Task<bool> AgreementsAsync(IServiceProvider services, AgreementGenerator generator, int agreements, int commitments, int batch, bool bulk)
    {
        if (!await ImportInBatchesAsync(services, "exchange_rates.csv", AgreementGenerator.RateHeader, generator.Rates(), batch)) return false;
        if (bulk)
        {
            var loader = new AgreementBulk(services);
            await Timed("agreements", agreements, p => loader.AgreementsAsync(generator.Agreements(agreements), batch, p));
            await Timed("commitments", commitments, p => loader.CommitmentsAsync(generator.Commitments(commitments), batch, p));
            await Timed("deliveries", null, p => loader.DeliveriesAsync(generator.Deliveries(), batch, p));
            return true;
        }
        return await ImportInBatchesAsync(services, "agreements.csv", AgreementGenerator.AgreementHeader, generator.Agreements(agreements), batch)
            && await ImportInBatchesAsync(services, "commitments.csv", AgreementGenerator.CommitmentHeader, generator.Commitments(commitments), batch)
            && await ImportInBatchesAsync(services, "deliveries.csv", AgreementGenerator.DeliveryHeader, generator.Deliveries(), batch);
    }

    private static async Task Timed(string name, int? total, Func<Action<int>, Task<int>> load)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var rows = await load(done => Console.WriteLine($"{name} (bulk): {done}{(total is { } t ? $" of {t}" : "")} written, {done / clock.Elapsed.TotalSeconds:F0} rows/s, " +
            $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of this program's CPU"));
        Console.WriteLine($"{name} (bulk): {rows} rows in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<bool> ImportInBatchesAsync(IServiceProvider services, string name, string header, IEnumerable<string> rows, int batch)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var chunk in rows.Chunk(batch))
        {
            if (await ImportAsync(services, name, header + "\n" + string.Join('\n', chunk) + "\n") is not { } outcome) return false;
            done += chunk.Length;
            Console.WriteLine($"{name}: {done} rows loaded ({outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged), " +
                $"{done / clock.Elapsed.TotalSeconds:F0} rows/s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of this program's CPU");
        }
        return true;
    }

    /// <summary>One file through the import a user runs (the definition the file's name says); null, with the problems printed, when refused.</summary>
    public static async Task<ImportOutcome?> ImportAsync(IServiceProvider root, string name, string csv)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var pipeline = services.GetRequiredService<ImportPipeline>();
        var file = new ImportFile(name, ImportFormat.Csv, Encoding.UTF8.GetBytes(csv));
        var outcome = name switch
        {
            "activities.csv" => await pipeline.RunAsync(services.GetRequiredService<ActivityImportDefinition>(), file, dryRun: false),
            "exchange_rates.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Commitments.Import.ExchangeRateImportDefinition>(), file, dryRun: false),
            "agreements.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Agreements.AgreementImportDefinition>(), file, dryRun: false),
            "commitments.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Commitments.Import.CommitmentImportDefinition>(), file, dryRun: false),
            "deliveries.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Commitments.Import.DeliveryImportDefinition>(), file, dryRun: false),
            "directives.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Directives.Importing.DirectiveImportDefinition>(), file, dryRun: false),
            "tasks.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Directives.Importing.TaskImportDefinition>(), file, dryRun: false),
            "task_progress.csv" => await pipeline.RunAsync(services.GetRequiredService<Chancery.Web.Directives.Importing.ProgressImportDefinition>(), file, dryRun: false),
            _ => throw new ArgumentException($"No import for {name}.", nameof(name)),
        };
        if (outcome.Succeeded) return outcome;
        foreach (var p in outcome.Problems.Take(20)) Console.Error.WriteLine($"{name} line {p.Line} {p.Column}: {p.Reason}");
        return null;
    }
}
