using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
namespace Chancery.Web.Reports;

/// <summary>The annual review's figures (DOMAIN "The annual review: counting rules").</summary>
public sealed record AnnualReviewFigures(
    int HighLevelActivities, int OutgoingVisits, int CountriesVisited, int MultilateralConferences,
    int BilateralMeetings, int IncomingVisits, int PhoneCalls, int OnlineTalks);

/// <summary>One record behind a figure, enough for a reader to check it. Its classification (a code,
/// "internal") marks the review's documents with the highest level they count.</summary>
public sealed record ReviewRecord(int Id, string ExternalRef, string? Title, [property: CodeSet(typeof(ActivityKind))] string Kind, DateOnly DateStart, string? Leader, IReadOnlyList<string> Countries,
    [property: CodeSet(typeof(ClassificationLevel))] string Classification)
{
    /// <summary>The English title, when given.</summary>
    public string? TitleEn { get; init; }

    /// <summary>The title in the document's or page's language (<see cref="ActivityTitles"/>), else the reference.</summary>
    public string ShownTitle => ActivityTitles.Text(Title, TitleEn, ExternalRef);
}

public sealed record ReviewCountry(string Code, string NameVi, string NameEn);

/// <summary>Beside each figure, the list behind it.</summary>
public sealed record AnnualReviewLists(
    IReadOnlyList<ReviewRecord> HighLevelActivities, IReadOnlyList<ReviewRecord> OutgoingVisits,
    IReadOnlyList<ReviewCountry> CountriesVisited, IReadOnlyList<ReviewRecord> MultilateralConferences,
    IReadOnlyList<ReviewRecord> BilateralMeetings, IReadOnlyList<ReviewRecord> IncomingVisits,
    IReadOnlyList<ReviewRecord> PhoneCalls, IReadOnlyList<ReviewRecord> OnlineTalks);

public sealed record AnnualReview(
    DateOnly From, DateOnly To, int Tier, bool Forecast, AnnualReviewFigures Figures, AnnualReviewLists Lists,
    string ParagraphVi, string ParagraphEn);
