using System.Text;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Chancery.Web.Partners;
using Chancery.Web.Units;

namespace Chancery.DataGen.Bulk;

/// <summary>What the bulk path shares: generated CSV lines read by the module import's own parser (so a
/// cell means what it means to the import: codes, defaults, lists, numbers), and one transaction per batch.</summary>
internal static class GeneratedRows
{
    /// <summary>The lines as the import definition parses them; any problem the parser finds stops the load.</summary>
    public static List<TRow> Parse<TRow>(ImportDefinition<TRow> definition, string header, IReadOnlyList<string> lines) where TRow : class
    {
        var problems = new ImportProblems();
        var bytes = Encoding.UTF8.GetBytes(header + "\n" + string.Join('\n', lines) + "\n");
        using var table = TabularFileReader.Read(new ImportFile("generated.csv", ImportFormat.Csv, bytes), problems);
        var rows = new List<TRow>(lines.Count);
        if (table is not null)
            foreach (var row in table.Rows)
                if (definition.Parse(new ImportRowReader(row, problems)) is { } value) rows.Add(value);
        if (problems.Any)
            throw new InvalidOperationException("Generated rows the import would refuse: " +
                string.Join("; ", problems.Items.Take(10).Select(p => $"line {p.Line} {p.Column}: {p.Code} {string.Join(' ', p.Args)}")));
        if (rows.Count != lines.Count) throw new InvalidOperationException($"Parsed {rows.Count} rows of {lines.Count}.");
        return rows;
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own (a scope, a context), with the
    /// bulk writer's SQLite settings (foreign keys checked at commit, a larger cache).</summary>
    public static async Task InTransactionAsync(IServiceProvider services, Func<ChanceryDbContext, Task> write)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkInsert.PrepareAsync(db, CancellationToken.None);
        await write(db);
        await transaction.CommitAsync();
    }

    /// <summary>Partner code → key and unit code → key (small tables, read once; codes match whatever their case, as the imports match them).</summary>
    public static async Task<(Dictionary<string, int> Partners, Dictionary<string, int> Units)> CodesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDbContext>();
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase);
        return (partners, units);
    }

    public static T Resolve<T>(Dictionary<string, T> known, string reference, string what) =>
        known.TryGetValue(reference.Trim(), out var found) ? found
            : throw new InvalidOperationException($"Unknown {what} '{reference}': the bulk path writes only what it can resolve, as the import refuses it.");
}
