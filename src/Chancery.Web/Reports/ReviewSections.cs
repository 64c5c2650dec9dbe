namespace Chancery.Web.Reports;

/// <summary>One figure of the review with the list behind it: either activity records or (for the
/// countries visited) countries. The page, the DOCX and the XLSX all walk this one list, so they show
/// the same figures in the same order.</summary>
public sealed record ReviewSection(string Key, int Count, IReadOnlyList<ReviewRecord>? Records, IReadOnlyList<ReviewCountry>? Countries)
{
    /// <summary>The resource key of the figure's label (ReportsText "Figure_…").</summary>
    public string LabelKey => "Figure_" + Key;
}

public static class ReviewSections
{
    public static IReadOnlyList<ReviewSection> Of(AnnualReview review)
    {
        var (f, l) = (review.Figures, review.Lists);
        return
        [
            new("high_level_activities", f.HighLevelActivities, l.HighLevelActivities, null),
            new("outgoing_visits", f.OutgoingVisits, l.OutgoingVisits, null),
            new("countries_visited", f.CountriesVisited, null, l.CountriesVisited),
            new("multilateral_conferences", f.MultilateralConferences, l.MultilateralConferences, null),
            new("incoming_visits", f.IncomingVisits, l.IncomingVisits, null),
            new("phone_calls", f.PhoneCalls, l.PhoneCalls, null),
            new("online_talks", f.OnlineTalks, l.OnlineTalks, null),
            new("bilateral_meetings", f.BilateralMeetings, l.BilateralMeetings, null),
        ];
    }
}
