using System.Globalization;
using System.Runtime.CompilerServices;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives.Importing;

/// <summary>Directives, tasks and progress reports in the columns of directives.csv, tasks.csv and
/// task_progress.csv, so an export imported back changes nothing. Read through the classification
/// filter (a file holds only what the reader may see: a task of a hidden directive, a report of a
/// hidden task is left out) and written as it is read.</summary>
public static class DirectiveExport
{
    public static IReadOnlyList<string> DirectiveHeaders { get; } = DirectiveImportDefinition.Format.Select(c => c.Name).ToList();
    public static IReadOnlyList<string> TaskHeaders { get; } = TaskImportDefinition.Format.Select(c => c.Name).ToList();
    public static IReadOnlyList<string> ProgressHeaders { get; } = ProgressImportDefinition.Format.Select(c => c.Name).ToList();

    public static IQueryable<Directive> Directives(ChanceryDbContext db, DirectiveFilter filter, ClassificationLevel? level)
    {
        var directives = db.Directives.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
            directives = directives.Where(Common.Search.SearchMatch.Words<Directive>(Common.Search.SearchTerms.Split(filter.Q)));
        if (level is { } l) directives = directives.Where(d => d.Classification == l);
        return directives;
    }

    public static async IAsyncEnumerable<IReadOnlyList<string?>> DirectiveRowsAsync(IQueryable<Directive> directives, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var d in directives.OrderBy(d => d.Date).ThenBy(d => d.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return [d.ExternalRef, d.Number, IsoDate.Format(d.Date), d.Issuer, d.Title, d.Text, d.Classification.ToCode(), d.Source];
    }

    /// <summary>Tasks of the given directives, parents before their sub-tasks (by id), as the import reads them in any order anyway.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> TaskRowsAsync(ChanceryDbContext db, IQueryable<Directive> directives,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = directives.Select(d => d.Id);
        var rows = db.DirectiveTasks.AsNoTracking().Where(t => ids.Contains(t.DirectiveId)).OrderBy(t => t.DirectiveId).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.ExternalRef, Directive = t.Directive!.ExternalRef, Parent = t.Parent == null ? null : t.Parent.ExternalRef, t.Title,
                Lead = t.LeadUnit!.Code, t.CoordinatingUnits, t.Deadline, t.DoneDate, t.KeyTask, t.IndicatorName, t.IndicatorTarget, t.IndicatorUnit,
                t.Classification, t.Notes, t.Recurrence,
            })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(ct))
            yield return
            [
                t.ExternalRef, t.Directive, t.Parent, t.Title, t.Lead, t.CoordinatingUnits.Trim(';'), Iso(t.Deadline), Iso(t.DoneDate),
                t.KeyTask ? "true" : "false", t.IndicatorName, t.IndicatorTarget?.ToString("0.####", CultureInfo.InvariantCulture), t.IndicatorUnit,
                t.Classification.ToCode(), t.Notes, t.Recurrence == TaskRecurrence.None ? null : Codes<TaskRecurrence>.ToCode(t.Recurrence),
            ];
    }

    /// <summary>Progress reports of the tasks of the given directives (that the reader may see).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> ProgressRowsAsync(ChanceryDbContext db, IQueryable<Directive> directives,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = directives.Select(d => d.Id);
        var rows = (from p in db.TaskProgress.AsNoTracking()
                    join t in db.DirectiveTasks on p.TaskId equals t.Id
                    where ids.Contains(t.DirectiveId)
                    orderby t.Id, p.Date, p.Id
                    select new { t.ExternalRef, p.Date, p.Percent, p.Text, p.Author }).AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.ExternalRef, IsoDate.Format(p.Date), p.Percent?.ToString(CultureInfo.InvariantCulture), p.Text, p.Author];
    }

    private static string? Iso(DateOnly? d) => d is { } x ? IsoDate.Format(x) : null;
}
