using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
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
        reports.MapGet("/annual-review.docx", AnnualReviewDocument)
            .WithSummary("The annual review as a Word document (labels in the reader's language), over what the reader may see.");
        reports.MapGet("/annual-review.xlsx", AnnualReviewWorkbook)
            .WithSummary("The annual review as an Excel workbook: a figures sheet and one sheet per list, over what the reader may see.");
        return api;
    }

    private static async Task<Results<Ok<AnnualReview>, ValidationProblem>> AnnualReview(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, ChanceryDbContext db, CancellationToken ct)
    {
        if (Validate(from, to, tier) is { } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await AnnualReviewQuery.ComputeAsync(db, from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AnnualReviewDocument(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, string? culture, ChanceryDbContext db, IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        if (Validate(from, to, tier) is { } errors) return TypedResults.ValidationProblem(errors);
        DocumentCulture.Apply(culture);
        var review = await AnnualReviewQuery.ComputeAsync(db, from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct);
        return TypedResults.File(AnnualReviewDocx.Write(review, text), AnnualReviewDocx.ContentType, FileName(review, "docx"));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AnnualReviewWorkbook(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, string? culture, ChanceryDbContext db, IStringLocalizer<ReportsText> text,
        IStringLocalizer<Activities.ActivitiesText> activityWords, CancellationToken ct)
    {
        if (Validate(from, to, tier) is { } errors) return TypedResults.ValidationProblem(errors);
        DocumentCulture.Apply(culture);
        var review = await AnnualReviewQuery.ComputeAsync(db, from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct);
        return TypedResults.File(AnnualReviewXlsx.Write(review, text, activityWords), AnnualReviewXlsx.ContentType, FileName(review, "xlsx"));
    }

    private static Dictionary<string, string[]>? Validate(DateOnly? from, DateOnly? to, int? tier)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["Give the first day of the period (YYYY-MM-DD)."];
        if (to is null) errors["to"] = ["Give the last day of the period (YYYY-MM-DD)."];
        if (from is not null && to is not null && to < from) errors["to"] = ["The period ends before it starts."];
        if (tier is < 1 or > 5) errors["tier"] = ["The tier is between 1 and 5."];
        return errors.Count > 0 ? errors : null;
    }

    private static string FileName(AnnualReview review, string extension) =>
        FormattableString.Invariant($"annual-review-{review.From:yyyy-MM-dd}-{review.To:yyyy-MM-dd}.{extension}");
}
