using Chancery.Web.Common.Api;
using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common.Bin;

/// <summary>What the bin page and <c>GET /api/v1/bin</c> ask for: one kind or all, a page.</summary>
public sealed record BinFilter(string? Kind, int? Page, int? PageSize);

/// <summary>The bin: the deleted records of every registered kind the reader may see, newest first,
/// one page at a time. The kinds live in different tables, so a page of all kinds takes the newest
/// page-end's worth of each and merges them; the bin holds what was deleted by hand, a small set.</summary>
public sealed class BinQueries(BinSources sources)
{
    public const int DefaultPageSize = 20;
    /// <summary>Far beyond any bin; keeps page × size a sane number for an address typed by hand.</summary>
    private const int MaxPage = 10_000;

    public IReadOnlyList<IBinSource> Kinds => sources.All;

    /// <summary>Problems with the filter: a kind no module registers.</summary>
    public Problems Check(BinFilter filter)
    {
        var problems = new Problems();
        if (!string.IsNullOrWhiteSpace(filter.Kind) && sources.Find(filter.Kind) is null)
            problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", sources.All.Select(s => s.Kind)));
        return problems;
    }

    public async Task<ListResult<BinItem>> ListAsync(BinFilter filter, CancellationToken ct)
    {
        var (page, size) = Paging.From(Math.Min(filter.Page ?? 1, MaxPage), filter.PageSize, DefaultPageSize);
        var chosen = string.IsNullOrWhiteSpace(filter.Kind) ? sources.All : [.. sources.Find(filter.Kind) is { } one ? [one] : Array.Empty<IBinSource>()];
        var total = 0;
        var items = new List<BinItem>();
        // One after the other: the sources share the request's database context.
        foreach (var source in chosen)
        {
            total += await source.CountAsync(ct);
            items.AddRange(await source.NewestAsync(page * size, ct));
        }
        var shown = items.OrderByDescending(i => i.DeletedAt).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenByDescending(i => i.Id)
            .Skip((page - 1) * size).Take(size).ToList();
        return new ListResult<BinItem>(shown, total);
    }

    public Task<WriteOutcome<BinItem>> RestoreAsync(string kind, int id, CancellationToken ct) =>
        sources.Find(kind) is { } source ? source.RestoreAsync(id, ct) : Task.FromResult(WriteOutcome<BinItem>.NotFound());
}
