using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives;

public static class ScoreboardEndpoints
{
    public static RouteGroupBuilder MapScoreboardEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/task-scoreboard", Scoreboard)
            .WithSummary("The Government Office's counters per lead unit: tasks whose deadline is in [from, to] (default: asOf's year), their status as of asOf (default: today in Asia/Ho_Chi_Minh), over what the reader may see.");
        reports.MapGet("/task-scoreboard.xlsx", Workbook).AuditedExport("task-scoreboard")
            .WithSummary("The task scoreboard as an Excel workbook (culture=vi|en), over what the reader may see.");
        return api;
    }

    /// <summary>The question of a scoreboard: its period and day, with defaults, or the problems with them.</summary>
    public static (DateOnly From, DateOnly To, DateOnly AsOf)? Resolve(DateOnly? from, DateOnly? to, DateOnly? asOf, TimeProvider clock, Problems problems)
    {
        var day = asOf ?? clock.Today();
        var start = from ?? new DateOnly(day.Year, 1, 1);
        var end = to ?? new DateOnly(start.Year, 12, 31);
        if (end < start) problems.Add("to", ErrorCodes.EndBeforeStart);
        return problems.Any ? null : (start, end, day);
    }

    private static async Task<Results<Ok<TaskScoreboard>, ValidationProblem>> Scoreboard(
        DateOnly? from, DateOnly? to, DateOnly? asOf, TaskScoreboardQuery query, TimeProvider clock, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        if (Resolve(from, to, asOf, clock, problems) is not { } q) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await query.ComputeAsync(q.From, q.To, q.AsOf, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Workbook(
        DateOnly? from, DateOnly? to, DateOnly? asOf, string? culture, TaskScoreboardQuery query, TimeProvider clock, ErrorWords words,
        IStringLocalizer<DirectivesText> text, CancellationToken ct)
    {
        var problems = new Problems();
        if (Resolve(from, to, asOf, clock, problems) is not { } q) return WriteResults.Invalid(problems, words);
        DocumentCulture.Apply(culture);
        var board = await query.ComputeAsync(q.From, q.To, q.AsOf, ct);
        return TypedResults.File(ScoreboardXlsx.Write(board, text), Common.Import.TabularFileWriter.XlsxContentType,
            FormattableString.Invariant($"task-scoreboard-{board.AsOf:yyyy-MM-dd}.xlsx"));
    }
}
