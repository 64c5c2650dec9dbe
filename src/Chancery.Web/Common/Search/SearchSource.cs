using System.Linq.Expressions;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Search;

/// <summary>The shape of every module's search source: the records whose search text holds every
/// term, in the module's order, at most <c>limit</c>, read through the classification filter and
/// projected to the few columns a hit shows. A module says only its order, its columns and its hit.</summary>
public abstract class SearchSource<TRecord, TRow>(ChanceryDbContext db) : ISearchSource
    where TRecord : class, ISearchable
{
    protected abstract IOrderedQueryable<TRecord> Order(IQueryable<TRecord> matching);

    protected abstract Expression<Func<TRecord, TRow>> Columns { get; }

    protected abstract SearchHit ToHit(TRow row);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> foldedTerms, int limit, CancellationToken ct)
    {
        var matching = db.Set<TRecord>().AsNoTracking().MatchingSearch(string.Join(' ', foldedTerms));
        var rows = await Order(matching).Take(limit).Select(Columns).ToListAsync(ct);
        return rows.Select(ToHit).ToList();
    }
}
