using Chancery.Web.Common.Classification;

namespace Chancery.Web.Reports;

/// <summary>The classification a review's document carries: the highest level among the records it
/// counts. The review holds only what its reader may see, so the mark never says more than they may know.</summary>
public static class ReviewMarking
{
    public static ClassificationLevel Highest(AnnualReview review) =>
        review.Lists.HighLevelActivities.Concat(review.Lists.BilateralMeetings)
            .Select(r => ClassificationLevels.TryParse(r.Classification, out var level) ? level : ClassificationLevel.Internal)
            .DefaultIfEmpty(ClassificationLevel.Public)
            .Max();

    /// <summary>Internal and public papers carry no mark; "Mật" and above are stamped.</summary>
    public static bool IsMarked(ClassificationLevel level) => level > ClassificationLevel.Internal;
}
