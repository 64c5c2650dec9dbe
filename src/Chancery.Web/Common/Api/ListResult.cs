namespace Chancery.Web.Common.Api;

/// <summary>The shape every list endpoint answers: one page of items and the total across all pages.
/// When <paramref name="TotalIsExact"/> is false the total is a lower bound ("more than Total"): large
/// lists stop counting early, see <see cref="ListCount"/>.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, int Total, bool TotalIsExact = true);

/// <summary>Paging parameters shared by list endpoints and pages (1-based page, bounded size).</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 200;
    public static Paging From(int? page, int? pageSize, int defaultSize = 50) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
    public int Skip => (Page - 1) * PageSize;
}
