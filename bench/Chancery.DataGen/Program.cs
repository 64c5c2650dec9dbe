using System.Diagnostics;
using System.Text;
using Chancery.DataGen;
using Chancery.Web;
using Chancery.Web.Activities;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Chancery.Web.Data;
using Chancery.Web.Units;

// Usage:
//   dotnet run --project bench/Chancery.DataGen -- --seed 42 --activities 20000 --out demo.csv
//   dotnet run --project bench/Chancery.DataGen -- --seed 42 --activities 20000 --connection "Data Source=data/demo.db"
//   dotnet run --project bench/Chancery.DataGen -- --activities 500000 --provider postgres --connection "Host=...;Database=chancery_bench;..."
//   ... --activities 0 --directives 20000 --tasks 200000 --progress 1000000 --connection ...   (directives at scale, issue 13)
//   ... --agreements 100000 [--commitments 300000]: also agreements, commitments, deliveries and rates (issue #12);
//       with --out, written as agreements.csv, commitments.csv, deliveries.csv, exchange_rates.csv beside it
//   ... --bulk: the scale modules' rows (agreements, commitments, deliveries, directives, tasks, progress) written
//       straight into the tables instead of through the imports (Bulk/; new rows only, no audit entries)
var options = Args.Parse(args);
var generator = new ActivityGenerator(options.Seed);

if (options.Out is { } given)
{
    // Where the app's own files are (the repository root from a clone), not this project's folder.
    var path = DataLocation.Resolve(given);
    var clock = Stopwatch.StartNew();
    await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
    await writer.WriteAsync(ActivityGenerator.Header + "\n");
    var n = 0;
    foreach (var row in generator.Rows(options.Activities)) { await writer.WriteAsync(row + "\n"); n++; }
    Console.WriteLine($"Wrote {n} activities to {path} in {clock.Elapsed.TotalSeconds:F1} s (seed {options.Seed}).");
    if (options.Agreements > 0)
    {
        var beside = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var (name, header, rows) in AgreementFiles(new AgreementGenerator(options.Seed), options))
        {
            await using var file = new StreamWriter(Path.Combine(beside, name), false, new UTF8Encoding(false));
            await file.WriteAsync(header + "\n");
            foreach (var row in rows) await file.WriteAsync(row + "\n");
            Console.WriteLine($"Wrote {Path.Combine(beside, name)}");
        }
    }
    return 0;
}
if (options.Connection is null)
{
    Console.Error.WriteLine("Give --out FILE (a CSV to import) or --connection STRING [--provider sqlite|postgres] (load directly).");
    return 2;
}

// Direct load: the real application's services and import pipeline, in batches (one transaction each).
var builder = WebApplication.CreateBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Chancery"] = options.Connection,
    ["Database:Provider"] = options.Provider,
    ["Logging:LogLevel:Default"] = "Warning",
    ["Admin:Email"] = "admin@chancery.local",
    ["Admin:Password"] = "Chancery-Admin-2026",
});
builder.Services.AddChancery(builder.Configuration);
builder.Services.AddScoped<ICurrentUser>(_ => SystemUser.Instance);
await using var app = builder.Build();
await app.InitializeDatabaseAsync();

var total = Stopwatch.StartNew();
var loaded = 0;
foreach (var batch in generator.Rows(options.Activities).Chunk(options.Batch))
{
    var csv = ActivityGenerator.Header + "\n" + string.Join('\n', batch) + "\n";
    using var scope = app.Services.CreateScope();
    var pipeline = scope.ServiceProvider.GetRequiredService<ImportPipeline>();
    var definition = scope.ServiceProvider.GetRequiredService<ActivityImportDefinition>();
    var outcome = await pipeline.RunAsync(definition, new ImportFile("generated.csv", ImportFormat.Csv, Encoding.UTF8.GetBytes(csv)), dryRun: false);
    if (!outcome.Succeeded)
    {
        foreach (var p in outcome.Problems.Take(20)) Console.Error.WriteLine($"line {p.Line} {p.Column}: {p.Reason}");
        return 1;
    }
    loaded += batch.Length;
    Console.WriteLine($"{loaded} activities loaded ({outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged), {loaded / total.Elapsed.TotalSeconds:F0} rows/s");
}

// Generated directives, tasks and progress reports (issue 13's scale), over every unit, then agreements,
// commitments, deliveries and rates (issue #12): through the imports a user runs, in batches, or with --bulk
// straight into the tables (ScaleLoad; how the national-scale databases are built, docs/benchmarks.md "Data").
if (options.Tasks > 0)
{
    List<string> unitCodes;
    using (var scope = app.Services.CreateScope())
        unitCodes = [.. scope.ServiceProvider.GetRequiredService<ChanceryDbContext>().Units.OrderBy(u => u.Code).Select(u => u.Code)];
    var clock = Stopwatch.StartNew();
    var rows = new TaskGenerator(options.Seed, unitCodes).Generate(Math.Max(1, options.Directives), options.Tasks, options.Progress);
    Console.WriteLine($"Generated {rows.Directives.Count} directives, {rows.Tasks.Count} tasks, {rows.Progress.Count} progress reports over {unitCodes.Count} units in {clock.Elapsed.TotalSeconds:F1} s (seed {options.Seed}).");
    if (!await ScaleLoad.TasksAsync(app.Services, rows, options.Batch, options.Bulk)) return 1;
}
if (options.Agreements > 0 &&
    !await ScaleLoad.AgreementsAsync(app.Services, new AgreementGenerator(options.Seed), options.Agreements, options.Commitments, options.Batch, options.Bulk))
    return 1;
var demo = Path.Combine(AppContext.BaseDirectory, "Demo");
foreach (var name in new[] { "activities.csv", "exchange_rates.csv", "agreements.csv", "commitments.csv", "deliveries.csv" })
{
    if (await ScaleLoad.ImportAsync(app.Services, name, await File.ReadAllTextAsync(Path.Combine(demo, name))) is not { } outcome) return 1;
    Console.WriteLine($"demo {name}: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged");
}
// The China state visit of December 2023 ended with "36 cooperation documents signed" before their titles
// were published: its package keeps the announced count, and the one document entered shows the gap.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
    var visit = await db.Activities.Where(a => a.ExternalRef == "V-2023-CHN-STATE").Select(a => a.Id).SingleAsync();
    var (_, problems) = await scope.ServiceProvider.GetRequiredService<Chancery.Web.Agreements.SigningPackages>().SetAsync(visit,
        new Chancery.Web.Agreements.PackageInput(36, "VnExpress International, 12/12/2023: \"Vietnam, China sign 36 cooperation agreements\" during the state visit of Xi Jinping"), CancellationToken.None);
    if (problems is not null) { Console.Error.WriteLine("demo package: refused"); return 1; }
    Console.WriteLine("demo package: 36 documents announced for the China state visit of December 2023");
}

// The two conferences' directives (January 2023 and January 2025), split into the tasks their text
// names, through the same imports a user runs (Directives/*.csv, copied beside the program).
var folder = Path.Combine(AppContext.BaseDirectory, "Directives");
foreach (var (file, kind) in new[] { ("directives.csv", 0), ("tasks.csv", 1), ("task_progress.csv", 2) })
{
    using var scope = app.Services.CreateScope();
    var pipeline = scope.ServiceProvider.GetRequiredService<ImportPipeline>();
    var upload = new ImportFile(file, ImportFormat.Csv, await File.ReadAllBytesAsync(Path.Combine(folder, file)));
    var outcome = kind switch
    {
        0 => await pipeline.RunAsync(scope.ServiceProvider.GetRequiredService<Chancery.Web.Directives.Importing.DirectiveImportDefinition>(), upload, dryRun: false),
        1 => await pipeline.RunAsync(scope.ServiceProvider.GetRequiredService<Chancery.Web.Directives.Importing.TaskImportDefinition>(), upload, dryRun: false),
        _ => await pipeline.RunAsync(scope.ServiceProvider.GetRequiredService<Chancery.Web.Directives.Importing.ProgressImportDefinition>(), upload, dryRun: false),
    };
    if (!outcome.Succeeded)
    {
        foreach (var p in outcome.Problems.Take(20)) Console.Error.WriteLine($"{file} line {p.Line} {p.Column}: {p.Reason}");
        return 1;
    }
    Console.WriteLine($"{file}: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged");
}
Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F0} s");
return 0;

// The four files in the order their references need (rates, agreements, then what refers to them).
static IEnumerable<(string Name, string Header, IEnumerable<string> Rows)> AgreementFiles(AgreementGenerator generator, Args options)
{
    yield return ("exchange_rates.csv", AgreementGenerator.RateHeader, generator.Rates());
    yield return ("agreements.csv", AgreementGenerator.AgreementHeader, generator.Agreements(options.Agreements));
    yield return ("commitments.csv", AgreementGenerator.CommitmentHeader, generator.Commitments(options.Commitments));
    yield return ("deliveries.csv", AgreementGenerator.DeliveryHeader, generator.Deliveries());
}

internal sealed record Args(int Seed, int Activities, string? Out, string Provider, string? Connection, int Batch, int Directives, int Tasks, int Progress, int Agreements, int Commitments, bool Bulk)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        return new Args(
            int.Parse(Value("--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--activities") ?? "500000", System.Globalization.CultureInfo.InvariantCulture),
            Value("--out"),
            Value("--provider") ?? "sqlite",
            Value("--connection"),
            int.Parse(Value("--batch") ?? "50000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--directives") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--tasks") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--progress") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            Agreements(),
            Value("--commitments") is { } c ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : 3 * Agreements(),
            args.Contains("--bulk"));
        int Agreements() => int.Parse(Value("--agreements") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
