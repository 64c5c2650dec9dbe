namespace Chancery.Web.Reports;

/// <summary>Writes the review's sentence from the figures, in the style of the sector's own reviews
/// ("nearly 70 high-level diplomatic activities, including 14 visits by leaders to 17 countries …").
/// Exact numbers: the figures are counted, so nothing is rounded away.</summary>
public static class AnnualReviewParagraph
{
    public static string English(AnnualReviewFigures f) =>
        $"In the period there were {Count(f.HighLevelActivities, "high-level diplomatic activity", "high-level diplomatic activities")}, " +
        $"including {Count(f.OutgoingVisits, "visit", "visits")} by Vietnamese leaders to {Count(f.CountriesVisited, "country", "countries")}, " +
        $"participation in {Count(f.MultilateralConferences, "multilateral conference", "multilateral conferences")}, " +
        $"{Count(f.PhoneCalls, "phone call", "phone calls")} and {Count(f.OnlineTalks, "online talk", "online talks")} with foreign leaders, " +
        $"and visits to Vietnam by {Count(f.IncomingVisits, "foreign leader", "foreign leaders")}; " +
        $"beside these, leaders held {Count(f.BilateralMeetings, "bilateral meeting", "bilateral meetings")} with world leaders.";

    public static string Vietnamese(AnnualReviewFigures f) =>
        $"Trong kỳ đã diễn ra {f.HighLevelActivities} hoạt động đối ngoại cấp cao, " +
        $"trong đó có {f.OutgoingVisits} chuyến thăm của lãnh đạo Việt Nam tới {f.CountriesVisited} quốc gia, " +
        $"tham dự {f.MultilateralConferences} hội nghị đa phương, " +
        $"{f.PhoneCalls} cuộc điện đàm và {f.OnlineTalks} cuộc hội đàm trực tuyến với lãnh đạo các nước, " +
        $"đón {f.IncomingVisits} lãnh đạo nước ngoài thăm Việt Nam; " +
        $"bên cạnh đó, lãnh đạo ta đã có {f.BilateralMeetings} cuộc gặp song phương với lãnh đạo các nước.";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
