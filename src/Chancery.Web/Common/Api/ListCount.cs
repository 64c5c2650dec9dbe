using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Api;

/// <summary>Counting the rows behind a list page. An exact count walks every matching row (a year
/// of bilateral meetings is 11,000 index entries, about 2 ms of database time on every page view and
/// most of the list's cost under load), so lists count up to <see cref="ExactUpTo"/> rows past the
/// page being shown and then say "more than N"; the reader can ask for the exact figure when they
/// need it (exactTotal=true). Annual figures come from the review, which counts exactly.</summary>
public static class ListCount
{
    public const int ExactUpTo = 1000;

    public static async Task<(int Total, bool IsExact)> CountAsync<T>(IQueryable<T> query, Paging paging, bool exact, CancellationToken ct) =>
        Result(exact ? await query.CountAsync(ct) : await query.Take(CountUpTo(paging)).CountAsync(ct), paging, exact);

    /// <summary>How many rows a bounded count reads: one past the limit (far enough past the page that "next"
    /// is always right, and at least <see cref="ExactUpTo"/>). A list may count them inside its page's
    /// statement (as a subquery) instead of with <see cref="CountAsync{T}"/>.</summary>
    public static int CountUpTo(Paging paging) => Limit(paging) + 1;

    /// <summary>The total a list shows for a count of at most <see cref="CountUpTo"/> rows (or of all of them when exact).</summary>
    public static (int Total, bool IsExact) Result(int counted, Paging paging, bool exact)
    {
        if (exact) return (counted, true);
        var limit = Limit(paging);
        return counted > limit ? (limit, false) : (counted, true);
    }

    private static int Limit(Paging paging) => Math.Max(ExactUpTo, paging.Skip + paging.PageSize);
}
