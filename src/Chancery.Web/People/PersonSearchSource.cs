using System.Linq.Expressions;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.People;

/// <summary>People in the global search box ("pham minh chinh" finds "Phạm Minh Chính").</summary>
public sealed class PersonSearchSource(ChanceryDbContext db, IStringLocalizer<PeopleText> text)
    : SearchSource<Person, PersonSearchSource.Row>(db)
{
    public sealed record Row(int Id, string FullName, string? CountryIso3);

    protected override IOrderedQueryable<Person> Order(IQueryable<Person> matching) => matching.OrderBy(p => p.FullName);

    protected override Expression<Func<Person, Row>> Columns => p => new Row(p.Id, p.FullName, p.CountryIso3);

    protected override SearchHit ToHit(Row p) => new(text["People"], p.FullName, p.CountryIso3, "/people/" + p.Id);
}
