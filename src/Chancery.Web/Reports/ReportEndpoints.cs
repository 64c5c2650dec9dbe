using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/annual-review", AnnualReview)
            .WithSummary("The annual review figures for a period (start date in [from, to]), each with the records behind it; tier (default 1) ranks our lead; forecast=true counts planned and confirmed too.");
        reports.MapGet("/annual-review.docx", AnnualReviewDocument).AuditedExport("annual-review")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .WithSummary("The annual review as a Word report in the administrative layout (heading block, classification mark, charts as pictures, signature block), in the document's language (culture=vi|en), over what the reader may see.");
        reports.MapGet("/annual-review.xlsx", AnnualReviewWorkbook).AuditedExport("annual-review")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), Common.Import.TabularFileWriter.XlsxContentType)
            .WithSummary("The annual review as an Excel workbook: a figures sheet and one sheet per list, over what the reader may see.");
        return api;
    }

    private static async Task<Results<Ok<AnnualReview>, ValidationProblem>> AnnualReview(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, AnnualReviewQuery review, ErrorWords words, CancellationToken ct)
    {
        if (Check(from, to, tier) is { } problems) return WriteResults.Invalid(problems, words);
        return TypedResults.Ok(await review.ComputeAsync(from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AnnualReviewDocument(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, string? culture, AnnualReviewQuery query, ReviewIssuers issuers,
        ErrorWords words, IStringLocalizer<ReportsText> text, IStringLocalizer<Activities.ActivitiesText> activityWords,
        IStringLocalizer<SharedText> shared, CancellationToken ct)
    {
        if (Check(from, to, tier) is { } problems) return WriteResults.Invalid(problems, words);
        DocumentCulture.Apply(culture);
        var review = await query.ComputeAsync(from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct);
        var issuer = await issuers.ForReaderAsync(ct);
        var charts = ReviewChartData.Build(review, text, activityWords);
        return TypedResults.File(AnnualReviewDocx.Write(review, issuer, charts, text, shared), AnnualReviewDocx.ContentType, FileName(review, "docx"));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AnnualReviewWorkbook(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, string? culture, AnnualReviewQuery query, ErrorWords words,
        IStringLocalizer<ReportsText> text, IStringLocalizer<Activities.ActivitiesText> activityWords, CancellationToken ct)
    {
        if (Check(from, to, tier) is { } problems) return WriteResults.Invalid(problems, words);
        DocumentCulture.Apply(culture);
        var review = await query.ComputeAsync(from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct);
        return TypedResults.File(AnnualReviewXlsx.Write(review, text, activityWords), AnnualReviewXlsx.ContentType, FileName(review, "xlsx"));
    }

    private static Problems? Check(DateOnly? from, DateOnly? to, int? tier)
    {
        var problems = new Problems();
        if (from is null) problems.Add("from", ErrorCodes.Date);
        if (to is null) problems.Add("to", ErrorCodes.Date);
        if (from is not null && to is not null && to < from) problems.Add("to", ErrorCodes.EndBeforeStart);
        if (tier is < 1 or > 5) problems.Add("tier", ErrorCodes.Between, 1, 5);
        return problems.Any ? problems : null;
    }

    private static string FileName(AnnualReview review, string extension) =>
        FormattableString.Invariant($"annual-review-{review.From:yyyy-MM-dd}-{review.To:yyyy-MM-dd}.{extension}");
}
