using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.People;

/// <summary>People in the global search box ("pham minh chinh" finds "Phạm Minh Chính"; "xi jinping"
/// finds Tập Cận Bình by the English name).</summary>
public sealed class PersonSearchSource(ChanceryDbContext db, IStringLocalizer<PeopleText> text)
    : SearchSource<Person, PersonSearchSource.Row>(db)
{
    public sealed record Row(int Id, string FullName, string? NameEn, string? CountryIso3);

    protected override string Heading => text["People"];

    protected override int Order => 200;

    protected override string SeeAllUrl(string escapedQuery) => "/people?q=" + escapedQuery;

    protected override IOrderedQueryable<Person> ThenOrder(IOrderedQueryable<Person> ranked) => ranked.ThenBy(p => p.FullName);

    protected override Expression<Func<Person, Row>> Columns => p => new Row(p.Id, p.FullName, p.NameEn, p.CountryIso3);

    protected override SearchHit ToHit(Row p) =>
        new(text["People"], LocalizationSetup.IsVietnamese || p.NameEn is null ? p.FullName : p.NameEn, p.CountryIso3, "/people/" + p.Id);
}
