using Chancery.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chancery.Web.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/annual-review", AnnualReview)
            .WithSummary("The annual review figures for a period (start date in [from, to]), each with the records behind it; tier (default 1) ranks our lead; forecast=true counts planned and confirmed too.");
        return api;
    }

    private static async Task<Results<Ok<AnnualReview>, ValidationProblem>> AnnualReview(
        DateOnly? from, DateOnly? to, int? tier, bool? forecast, ChanceryDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["Give the first day of the period (YYYY-MM-DD)."];
        if (to is null) errors["to"] = ["Give the last day of the period (YYYY-MM-DD)."];
        if (from is not null && to is not null && to < from) errors["to"] = ["The period ends before it starts."];
        if (tier is < 1 or > 5) errors["tier"] = ["The tier is between 1 and 5."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await AnnualReviewQuery.ComputeAsync(db, from!.Value, to!.Value, tier ?? 1, forecast ?? false, ct));
    }
}
