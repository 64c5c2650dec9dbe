using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Time;
using Chancery.Web.Data;
using Chancery.Web.Directives;
using Chancery.Web.Directives.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.DataGen.Bulk;

/// <summary>The bulk path for generated directives, tasks and progress reports (issue #13's scale): rows parsed
/// by the imports' own parsers, written straight into the tables with the app's <see cref="BulkInsert"/>, a
/// transaction per batch, with the values the imports set on a NEW record (DirectiveImportDefinition.ApplyAsync,
/// TaskImportDefinition.ApplyAsync, ProgressImportDefinition.ApplyAsync): a task recorded on its directive's date
/// (today if later), its level given or the directive's, coordinating units wrapped in ';', the period of a
/// recurring one, its parent by key (a sub-task at version 1, as the import's second save leaves it); the search text (<see cref="SearchTexts.Refresh"/>), version 0. No audit
/// entries (benchmark data). New rows only, as <see cref="AgreementBulk"/>.</summary>
public sealed class TaskBulk(IServiceProvider services, TimeProvider clock)
{
    private sealed record Stored(int Id, DateOnly Date, ClassificationLevel Level);

    private readonly Dictionary<string, Stored> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tasks = new(StringComparer.Ordinal);

    public async Task<int> DirectivesAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<DirectiveImportDefinition>(), TaskGenerator.DirectiveHeader, chunk);
            await GeneratedRows.InTransactionAsync(services, async db =>
            {
                var ids = await BulkInsert.ReserveIdsAsync<Directive>(db, rows.Count, CancellationToken.None);
                var directives = new List<Directive>(rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var r = rows[i];
                    var d = new Directive
                    {
                        Id = checked((int)ids[i]), ExternalRef = r.Id, Number = r.Number, Date = r.Date, Issuer = r.Issuer, Title = r.Title,
                        Text = r.Text, Source = r.Source, Classification = r.Classification ?? ClassificationLevel.Internal,
                    };
                    SearchTexts.Refresh(d);
                    directives.Add(d);
                    _directives.Add(r.Id, new Stored(d.Id, d.Date, d.Classification));
                }
                await BulkInsert.InsertAsync(db, directives, CancellationToken.None);
            });
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }

    public async Task<int> TasksAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        var (_, units) = await GeneratedRows.CodesAsync(services);
        var today = clock.Today();
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<TaskImportDefinition>(), TaskGenerator.TaskHeader, chunk);
            await GeneratedRows.InTransactionAsync(services, async db =>
            {
                var ids = await BulkInsert.ReserveIdsAsync<DirectiveTask>(db, rows.Count, CancellationToken.None);
                // Keys first: a sub-task may come before its parent (foreign keys are checked at the end of the batch).
                for (var i = 0; i < rows.Count; i++) _tasks.Add(rows[i].Id, checked((int)ids[i]));
                var tasks = new List<DirectiveTask>(rows.Count);
                foreach (var r in rows)
                {
                    var directive = GeneratedRows.Resolve(_directives, r.DirectiveId, "directive");
                    foreach (var code in r.Coordinating) GeneratedRows.Resolve(units, code, "unit");
                    var t = new DirectiveTask
                    {
                        Id = _tasks[r.Id], ExternalRef = r.Id, DirectiveId = directive.Id,
                        ParentId = r.ParentId is { } parent ? GeneratedRows.Resolve(_tasks, parent, "task") : null,
                        Title = r.Title, LeadUnitId = GeneratedRows.Resolve(units, r.LeadUnit, "unit"), CoordinatingUnits = DirectiveTask.JoinUnits(r.Coordinating),
                        Deadline = r.Deadline, DoneDate = r.DoneDate, RecordedOn = directive.Date < today ? directive.Date : today, KeyTask = r.KeyTask,
                        IndicatorName = r.IndicatorName, IndicatorTarget = r.IndicatorTarget, IndicatorUnit = r.IndicatorUnit, Notes = r.Notes,
                        Recurrence = r.Recurrence, SeriesKey = r.Recurrence == TaskRecurrence.None ? null : Guid.NewGuid().ToString("N"),
                        Period = r.Deadline is { } d ? TaskPeriods.Label(r.Recurrence, d) : null,
                        Classification = r.Classification ?? directive.Level,
                        // The import stores a task, then links it to its parent in a second save: a sub-task's version is 1 there.
                        Version = r.ParentId is null ? 0 : 1,
                    };
                    SearchTexts.Refresh(t);
                    tasks.Add(t);
                }
                await BulkInsert.InsertAsync(db, tasks, CancellationToken.None);
            });
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }

    public async Task<int> ProgressAsync(IEnumerable<string> lines, int batch, Action<int>? progress = null)
    {
        var done = 0;
        foreach (var chunk in lines.Chunk(batch))
        {
            using var scope = services.CreateScope();
            var rows = GeneratedRows.Parse(scope.ServiceProvider.GetRequiredService<ProgressImportDefinition>(), TaskGenerator.ProgressHeader, chunk);
            var reports = rows.Select(r => new TaskProgress
            {
                TaskId = GeneratedRows.Resolve(_tasks, r.TaskId, "task"), Date = r.Date, Percent = r.Percent, Text = r.Text, Author = r.Author,
            }).ToList();
            // Nothing points at a report: the database numbers them.
            await GeneratedRows.InTransactionAsync(services, db => BulkInsert.InsertAsync(db, reports, CancellationToken.None, keysFromDatabase: true));
            done += rows.Count;
            progress?.Invoke(done);
        }
        return done;
    }
}
