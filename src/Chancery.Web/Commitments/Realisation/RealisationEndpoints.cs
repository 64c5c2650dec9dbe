using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments.Realisation;

public static class RealisationEndpoints
{
    public static RouteGroupBuilder MapRealisationEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/realisation", Realisation)
            .WithSummary("Commitment realisation (\"turning commitments into resources\") over commitments pledged in [from, to] (either may be left out), "
                + "grouped by partner, sector, year or unit (by, default partner): pledged, realised and over-delivered USD at the pledge year's rates, "
                + "the share, count units apart, and the money commitments without a rate (unconverted). Over what the reader may see.");
        reports.MapGet("/realisation.xlsx", Workbook).AuditedExport("realisation")
            .WithSummary("The realisation report as an Excel workbook: the groups, and every commitment behind them with its figures (culture=vi|en).");
        return api;
    }

    /// <summary>The question's parameters, checked: an unknown grouping or an end before the start is a 400.</summary>
    public static RealisationGrouping? Check(DateOnly? from, DateOnly? to, string? by, Problems problems)
    {
        if (from is not null && to is not null && to < from) problems.Add("to", ErrorCodes.EndBeforeStart);
        if (string.IsNullOrWhiteSpace(by)) return RealisationGrouping.Partner;
        if (Codes<RealisationGrouping>.TryParse(by, out var grouping)) return grouping;
        problems.Add("by", ErrorCodes.OneOf, string.Join(", ", Codes<RealisationGrouping>.All));
        return null;
    }

    private static async Task<Results<Ok<RealisationReport>, ValidationProblem>> Realisation(
        DateOnly? from, DateOnly? to, [CodeSet(typeof(RealisationGrouping))] string? by, RealisationQuery query, ErrorWords words, CancellationToken ct)
    {
        var problems = new Problems();
        var grouping = Check(from, to, by, problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await query.ReportAsync(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, grouping!.Value, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Workbook(
        DateOnly? from, DateOnly? to, [CodeSet(typeof(RealisationGrouping))] string? by, string? culture, RealisationQuery query, ErrorWords words,
        IStringLocalizer<CommitmentsText> text, CancellationToken ct)
    {
        var problems = new Problems();
        var grouping = Check(from, to, by, problems);
        if (problems.Any) return WriteResults.Invalid(problems, words);
        Common.Localization.DocumentCulture.Apply(culture);
        var result = await query.ComputeAsync(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, grouping!.Value, ct);
        return TypedResults.File(RealisationXlsx.Write(result, grouping.Value, text), Common.Import.TabularFileWriter.XlsxContentType,
            $"realisation-{Codes<RealisationGrouping>.ToCode(grouping.Value)}.xlsx");
    }
}
