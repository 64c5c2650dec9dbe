using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Reports;

/// <summary>What the page's charts and map draw (wwwroot/js/review-charts.js), computed on the server
/// from the review the user may see and handed over as JSON, with every label already translated.</summary>
public static class ReviewChartData
{
    public sealed record Series(string Code, string Label, IReadOnlyList<int> Counts);
    public sealed record Bar(string Label, int Count);
    public sealed record MapCountry(string Id, string Name, string Group);
    public sealed record MapData(IReadOnlyList<MapCountry> Countries, IReadOnlyDictionary<string, string> Legend);
    public sealed record Charts(
        IReadOnlyList<string> Months, IReadOnlyList<Series> ByMonth, IReadOnlyList<Bar> ByKind, IReadOnlyList<Bar> ByLeader,
        MapData Map, string ActivitiesLabel);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(AnnualReview review, IStringLocalizer<ReportsText> text, IStringLocalizer<Activities.ActivitiesText> activityWords) =>
        JsonSerializer.Serialize(Build(review, text, activityWords), Json); // the default encoder escapes '<', so "</script>" cannot occur

    public static Charts Build(AnnualReview review, IStringLocalizer<ReportsText> text, IStringLocalizer<Activities.ActivitiesText> activityWords)
    {
        // Everything counted: the headline plus the bilateral meetings reported beside it.
        var records = review.Lists.HighLevelActivities.Concat(review.Lists.BilateralMeetings).ToList();
        var kinds = records.Select(r => r.Kind).Distinct().OrderBy(KindOrder).ToList();

        var months = new List<(int Year, int Month)>();
        for (var m = new DateOnly(review.From.Year, review.From.Month, 1); m <= review.To; m = m.AddMonths(1))
            months.Add((m.Year, m.Month));
        var monthLabels = months.Select(m => new DateOnly(m.Year, m.Month, 1).ToString("MM/yyyy", CultureInfo.InvariantCulture)).ToList();
        var byMonth = kinds.Select(k => new Series(k, activityWords["Kind_" + k], months
            .Select(m => records.Count(r => r.Kind == k && r.DateStart.Year == m.Year && r.DateStart.Month == m.Month)).ToList())).ToList();

        var byKind = kinds.Select(k => new Bar(activityWords["Kind_" + k], records.Count(r => r.Kind == k))).ToList();
        var byLeader = records.GroupBy(r => r.Leader ?? text["NoLeader"].Value)
            .Select(g => new Bar(g.Key, g.Count())).OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

        var visited = review.Lists.CountriesVisited.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var came = review.Lists.IncomingVisits.SelectMany(r => r.Countries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var map = visited.Union(came, StringComparer.OrdinalIgnoreCase)
            .Select(code => (Code: code, Id: ReviewCountryNames.Numeric(code)))
            .Where(c => c.Id is not null)
            .Select(c => new MapCountry(c.Id!, ReviewCountryNames.Name(c.Code),
                visited.Contains(c.Code) && came.Contains(c.Code) ? "both" : visited.Contains(c.Code) ? "visited" : "came"))
            .OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var legend = new Dictionary<string, string>
        {
            ["visited"] = text["MapVisited"], ["came"] = text["MapCame"], ["both"] = text["MapBoth"],
        };
        return new Charts(monthLabels, byMonth, byKind, byLeader, new MapData(map, legend), text["Activities"]);
    }

    private static int KindOrder(string code) => Array.IndexOf(KindCodes, code) is var i and >= 0 ? i : int.MaxValue;

    private static readonly string[] KindCodes =
    [
        "state_visit", "official_visit", "working_visit", "private_visit", "incoming_visit",
        "multilateral_conference", "bilateral_meeting", "phone_call", "online_talk", "reception",
    ];
}
