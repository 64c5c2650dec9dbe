using System.Linq.Expressions;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Search;

/// <summary>One hit of the global search box. <see cref="Kind"/> is its group's heading.</summary>
public sealed record SearchHit(string Kind, string Title, string? Subtitle, string Url);

/// <summary>What one module found: its heading in the reader's language, how many records match in all
/// (<see cref="TotalIsExact"/> false when counting stopped at <see cref="SearchGroup.CountUpTo"/>), the
/// best-ranked few, and the module's list filtered by the same query (null when it has none).</summary>
public sealed record SearchGroup(string Heading, int Order, int Total, bool TotalIsExact, string? SeeAllUrl, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>Counting stops past this many: "more than 1,000" is all a reader needs from a search box.</summary>
    public const int CountUpTo = 1000;
}

/// <summary>A query as typed (<see cref="Text"/>, for links) and as matched (<see cref="Terms"/>: folded words).</summary>
public sealed record SearchQuery(string Text, IReadOnlyList<string> Terms)
{
    public static SearchQuery Parse(string? text) => new(text?.Trim() ?? "", SearchTerms.Split(text));
}

/// <summary>What a module contributes to the global search: one group of its records matching the
/// query. Sources query through the DbContext, so the classification filter applies to search too.</summary>
public interface ISearchSource
{
    Task<SearchGroup> SearchAsync(SearchQuery query, int limit, CancellationToken ct);
}

/// <summary>The shape of every module's search source: the records the query finds
/// (<see cref="SearchMatch.Words{T}"/>, or the module's wider <see cref="Matching"/>), counted, ranked by
/// <see cref="SearchMatch.Rank{T}"/> then in the module's order, at most <c>limit</c>, read through the
/// classification filter and projected to the few columns a hit shows. A module says its heading, its
/// place among the groups, its list's link, its order, its columns and its hit.</summary>
public abstract class SearchSource<TRecord, TRow>(ChanceryDbContext db) : ISearchSource
    where TRecord : class, ISearchable
{
    /// <summary>The request's context, for a module whose <see cref="Matching"/> reads other records.</summary>
    protected ChanceryDbContext Db { get; } = db;

    /// <summary>The group's heading, in the reader's language.</summary>
    protected abstract string Heading { get; }

    /// <summary>The group's place on the results page (partners 100, people 200, activities 300, units 400).</summary>
    protected abstract int Order { get; }

    /// <summary>The module's list filtered by the query as typed (given URL-escaped), or null when the
    /// list has no such filter.</summary>
    protected abstract string? SeeAllUrl(string escapedQuery);

    /// <summary>The records the query finds; a module may widen it (activities found by their partner's name).</summary>
    protected virtual IQueryable<TRecord> Matching(IQueryable<TRecord> all, SearchQuery query) => all.Where(SearchMatch.Words<TRecord>(query.Terms));

    /// <summary>The module's order among hits of the same rank.</summary>
    protected abstract IOrderedQueryable<TRecord> ThenOrder(IOrderedQueryable<TRecord> ranked);

    protected abstract Expression<Func<TRecord, TRow>> Columns { get; }

    protected abstract SearchHit ToHit(TRow row);

    public async Task<SearchGroup> SearchAsync(SearchQuery query, int limit, CancellationToken ct)
    {
        var matching = Matching(Db.Set<TRecord>().AsNoTracking(), query);
        var counted = await matching.Take(SearchGroup.CountUpTo + 1).CountAsync(ct);
        var rows = counted == 0 ? []
            : await ThenOrder(matching.OrderBy(SearchMatch.Rank<TRecord>(query.Terms))).Take(limit).Select(Columns).ToListAsync(ct);
        return new SearchGroup(Heading, Order, Math.Min(counted, SearchGroup.CountUpTo), counted <= SearchGroup.CountUpTo,
            SeeAllUrl(Uri.EscapeDataString(query.Text)), rows.Select(ToHit).ToList());
    }
}
