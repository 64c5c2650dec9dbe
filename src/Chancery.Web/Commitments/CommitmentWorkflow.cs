namespace Chancery.Web.Commitments;

/// <summary>The status workflow of a commitment changed in the app (an import takes the status as the
/// file states it: a file records history, it does not replay it):
/// open → in_progress → fulfilled | partially_fulfilled | lapsed, and cancelled from any unfinished
/// state. An open pledge may also lapse directly: nothing ever arrived of it. A finished commitment
/// (fulfilled, partially fulfilled, lapsed, cancelled) does not move again.</summary>
public static class CommitmentWorkflow
{
    private static readonly Dictionary<CommitmentStatus, CommitmentStatus[]> Next = new()
    {
        [CommitmentStatus.Open] = [CommitmentStatus.InProgress, CommitmentStatus.Lapsed, CommitmentStatus.Cancelled],
        [CommitmentStatus.InProgress] =
            [CommitmentStatus.Fulfilled, CommitmentStatus.PartiallyFulfilled, CommitmentStatus.Lapsed, CommitmentStatus.Cancelled],
    };

    public static bool IsFinished(CommitmentStatus status) => !Next.ContainsKey(status);

    /// <summary>The statuses a commitment in <paramref name="from"/> may move to (itself not included).</summary>
    public static IReadOnlyList<CommitmentStatus> NextOf(CommitmentStatus from) => Next.TryGetValue(from, out var next) ? next : [];

    /// <summary>Null when the move is allowed (staying put always is); otherwise the problem's code,
    /// which says why: a finished commitment does not move, or this step skips or reverses the workflow.</summary>
    public static string? Refusal(CommitmentStatus from, CommitmentStatus to)
    {
        if (from == to || NextOf(from).Contains(to)) return null;
        if (IsFinished(from)) return CommitmentErrors.StatusFinished;
        return to == CommitmentStatus.Open ? CommitmentErrors.StatusBackToOpen : CommitmentErrors.StatusNeedsProgress;
    }

    /// <summary>Past its due date (in the sector's day) and not fulfilled: flagged. Cancelled ones are not
    /// flagged (nothing is expected of them any more).</summary>
    public static bool IsOverdue(CommitmentStatus status, DateOnly? due, DateOnly today) =>
        due is { } d && d < today && status is not (CommitmentStatus.Fulfilled or CommitmentStatus.Cancelled);
}
