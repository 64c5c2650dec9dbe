using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chancery.Web.Common.Import;

/// <summary>The one import pipeline: file → rows → typed rows → checks → one transaction.
/// All-or-nothing: if any row has a problem, every problem is reported and nothing is stored.
/// The file is read by a task of its own, a batch ahead of the checks and writes: a definition
/// with batches (<see cref="ImportDefinition{TRow}.BatchSize"/>) stores the first rows while the
/// rest are still being parsed, and only holds a batch or two, whatever the file's size. A problem
/// met after some batches were written rolls the whole transaction back.</summary>
public sealed class ImportPipeline(ChanceryDbContext db)
{
    /// <summary>How many planned rows the outcome lists (the preview); counts always cover all rows.</summary>
    public const int PreviewRowLimit = 500;

    public Task<ImportOutcome> RunAsync<TRow>(
        ImportDefinition<TRow> definition, ImportFile file, bool dryRun, CancellationToken cancellationToken = default)
        where TRow : class =>
        // Inside the strategy, so that a strategy that retries would read the file again from its start.
        db.Database.CreateExecutionStrategy().ExecuteAsync(() => RunOnceAsync(definition, file, dryRun, cancellationToken));

    private async Task<ImportOutcome> RunOnceAsync<TRow>(
        ImportDefinition<TRow> definition, ImportFile file, bool dryRun, CancellationToken ct)
        where TRow : class
    {
        // Problems met while reading (the reading task's) and while checking (this method's) are
        // kept apart: a row's reader tells its own problems by counting.
        var readProblems = new ImportProblems();
        var checkProblems = new ImportProblems();
        using var table = TabularFileReader.Read(file, readProblems);
        if (table is null) return Failed(readProblems, checkProblems, dryRun);
        CheckHeader(definition, table.Headers, readProblems);
        if (readProblems.Any) return Failed(readProblems, checkProblems, dryRun);

        var run = definition.Start();
        var preview = new List<ImportRowOutcome>();
        int created = 0, updated = 0, unchanged = 0;
        IDbContextTransaction? transaction = null;
        try
        {
            await foreach (var batch in Batches(definition, table, readProblems).ReadAhead(ct, batchSize: 1, batchesAhead: 1))
            {
                var planned = await run.PlanAsync(batch.Rows, checkProblems, ct);
                var changes = 0;
                foreach (var row in planned)
                {
                    switch (row.Action)
                    {
                        case ImportAction.Create: created++; changes++; break;
                        case ImportAction.Update: updated++; changes++; break;
                        default: unchanged++; break;
                    }
                    if (preview.Count >= PreviewRowLimit) continue;
                    var summary = definition.Describe(row);
                    preview.Add(new ImportRowOutcome(row.Line, row.Key, row.Action.ToString().ToLowerInvariant(), row.Changes,
                        summary.Date, summary.Title));
                }
                // Once anything is wrong the rest is only checked, so that every problem is listed.
                if (dryRun || changes == 0 || batch.ReadProblemsSoFar > 0 || checkProblems.Any) continue;
                transaction ??= await db.Database.BeginTransactionAsync(ct);
                await run.WriteAsync(planned, ct);
            }
            // The reading task has finished: its problems can be read here.
            var write = transaction is not null && !readProblems.Any && !checkProblems.Any;
            await run.FinishAsync(checkProblems, write, ct);
            if (readProblems.Any || checkProblems.Any) return Failed(readProblems, checkProblems, dryRun);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            // Not committed: disposing rolls back everything the batches wrote.
            if (transaction is not null) await transaction.DisposeAsync();
        }
        return new ImportOutcome(true, dryRun, created, updated, unchanged, [], preview);
    }

    /// <summary>The file's typed rows, a batch at a time, each with how many problems the reading had
    /// met by then. A key seen earlier in the file is a problem (the second row would overwrite the first).</summary>
    private static IEnumerable<ReadBatch<TRow>> Batches<TRow>(ImportDefinition<TRow> definition, TabularFile table, ImportProblems problems)
        where TRow : class
    {
        var firstLineByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var size = definition.BatchSize;
        var rows = new List<ParsedRow<TRow>>(Math.Min(size, 4096));
        foreach (var tabularRow in table.Rows)
        {
            var reader = new ImportRowReader(tabularRow, problems);
            var value = definition.Parse(reader);
            if (value is null) continue;
            // A row with wrong cells still goes on to the run's checks, so that its other problems
            // (an unknown country, an unknown office) are listed now, not on the next attempt. Its key
            // may be a stand-in's, so it takes no part in finding duplicates.
            var flawed = reader.HasProblems;
            var key = definition.KeyOf(value);
            if (!flawed && !firstLineByKey.TryAdd(key, tabularRow.Line))
            {
                problems.Add(tabularRow.Line, null, ImportReasons.DuplicateRow(key, firstLineByKey[key]));
                continue;
            }
            rows.Add(new ParsedRow<TRow>(tabularRow.Line, key, value) { Flawed = flawed });
            if (rows.Count < size) continue;
            yield return new ReadBatch<TRow>(rows, problems.Total);
            rows = new List<ParsedRow<TRow>>(Math.Min(size, 4096));
        }
        yield return new ReadBatch<TRow>(rows, problems.Total);
    }

    private sealed record ReadBatch<TRow>(IReadOnlyList<ParsedRow<TRow>> Rows, int ReadProblemsSoFar);

    private static void CheckHeader<TRow>(ImportDefinition<TRow> definition, IReadOnlyList<string> headers, ImportProblems problems)
        where TRow : class
    {
        var known = definition.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (string.IsNullOrWhiteSpace(header)) problems.Add(1, null, ImportReasons.UnnamedColumn());
            else if (!known.Contains(header)) problems.Add(1, header, ImportReasons.UnknownColumn(header, string.Join(", ", known)));
            else if (!seen.Add(header)) problems.Add(1, header, ImportReasons.DuplicateColumn(header));
        }
        foreach (var column in definition.Columns.Where(c => c.Required && !seen.Contains(c.Name)))
            problems.Add(1, column.Name, ImportReasons.MissingColumn(column.Name));
    }

    /// <summary>The refusal: the first <see cref="ImportProblems.ListLimit"/> problems by line (each
    /// collection kept at most that many), and how many more there were.</summary>
    private static ImportOutcome Failed(ImportProblems read, ImportProblems checks, bool dryRun)
    {
        var listed = read.Items.Concat(checks.Items).OrderBy(p => p.Line).Take(ImportProblems.ListLimit).ToList();
        return new(false, dryRun, 0, 0, 0, listed, []) { ProblemsNotListed = read.Total + checks.Total - listed.Count };
    }
}
