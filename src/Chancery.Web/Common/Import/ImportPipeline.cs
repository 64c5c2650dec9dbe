using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Import;

/// <summary>The one import pipeline: file → rows → typed rows → checks → one transaction.
/// All-or-nothing: if any row has a problem, every problem is reported and nothing is stored.</summary>
public sealed class ImportPipeline(ChanceryDbContext db)
{
    /// <summary>How many planned rows the outcome lists (the preview); counts always cover all rows.</summary>
    public const int PreviewRowLimit = 500;

    public async Task<ImportOutcome> RunAsync<TRow>(
        ImportDefinition<TRow> definition, ImportFile file, bool dryRun, CancellationToken cancellationToken = default)
        where TRow : class
    {
        var problems = new ImportProblems();
        List<ParsedRow<TRow>> parsed;
        using (var table = TabularFileReader.Read(file, problems))
        {
            if (table is null) return Failed(problems, dryRun);

            CheckHeader(definition, table.Headers, problems);
            if (problems.Any) return Failed(problems, dryRun);

            // Rows are read, parsed and dropped one by one: only the typed rows are kept.
            parsed = Parse(definition, table, problems);
        }
        var planned = await definition.PlanAsync(parsed, problems, cancellationToken);
        if (problems.Any) return Failed(problems, dryRun);

        if (!dryRun && planned.Any(p => p.Action != ImportAction.Unchanged))
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await definition.ApplyAsync(planned, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }

        return new ImportOutcome(
            Succeeded: true,
            DryRun: dryRun,
            Created: planned.Count(p => p.Action == ImportAction.Create),
            Updated: planned.Count(p => p.Action == ImportAction.Update),
            Unchanged: planned.Count(p => p.Action == ImportAction.Unchanged),
            Problems: [],
            Rows: planned.Take(PreviewRowLimit)
                .Select(p => new ImportRowOutcome(p.Line, p.Key, p.Action.ToString().ToLowerInvariant(), p.Changes))
                .ToList());
    }

    private static void CheckHeader<TRow>(ImportDefinition<TRow> definition, IReadOnlyList<string> headers, ImportProblems problems)
        where TRow : class
    {
        var known = definition.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (string.IsNullOrWhiteSpace(header)) problems.Add(1, null, "A column has no name in the header row.");
            else if (!known.Contains(header)) problems.Add(1, header, $"Unknown column '{header}'. Expected columns: {string.Join(", ", known)}.");
            else if (!seen.Add(header)) problems.Add(1, header, $"Column '{header}' appears twice.");
        }
        foreach (var column in definition.Columns.Where(c => c.Required && !seen.Contains(c.Name)))
            problems.Add(1, column.Name, $"Required column '{column.Name}' is missing.");
    }

    private static List<ParsedRow<TRow>> Parse<TRow>(ImportDefinition<TRow> definition, TabularFile table, ImportProblems problems)
        where TRow : class
    {
        var rows = new List<ParsedRow<TRow>>();
        var firstLineByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var tabularRow in table.Rows)
        {
            var reader = new ImportRowReader(tabularRow, problems);
            var value = definition.Parse(reader);
            if (value is null || reader.HasProblems) continue;
            var key = definition.KeyOf(value);
            if (firstLineByKey.TryGetValue(key, out var firstLine))
            {
                problems.Add(tabularRow.Line, null, $"Duplicate row: the same key ({key}) is already on line {firstLine}.");
                continue;
            }
            firstLineByKey[key] = tabularRow.Line;
            rows.Add(new ParsedRow<TRow>(tabularRow.Line, key, value));
        }
        return rows;
    }

    private static ImportOutcome Failed(ImportProblems problems, bool dryRun) =>
        new(false, dryRun, 0, 0, 0, problems.Items.OrderBy(p => p.Line).ToList(), []);
}
