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

    public static async Task<(int Total, bool IsExact)> CountAsync<T>(IQueryable<T> query, Paging paging, bool exact, CancellationToken ct)
    {
        if (exact) return (await query.CountAsync(ct), true);
        // Far enough past the page that "next" is always right, and at least ExactUpTo.
        var limit = Math.Max(ExactUpTo, paging.Skip + paging.PageSize);
        var counted = await query.Take(limit + 1).CountAsync(ct);
        return counted > limit ? (limit, false) : (counted, true);
    }
}
