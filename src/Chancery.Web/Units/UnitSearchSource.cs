using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Units;

/// <summary>Units in the global search box ("da nang" finds "Thành phố Đà Nẵng").</summary>
public sealed class UnitSearchSource(ChanceryDbContext db, IStringLocalizer<SharedText> text)
    : SearchSource<Unit, UnitSearchSource.Row>(db)
{
    public sealed record Row(string Code, string NameVi, string NameEn);

    protected override string Heading => text["Units"];

    protected override int Order => 400;

    /// <summary>The units page lists every unit on one page, unfiltered: no "see all" beyond the hits.</summary>
    protected override string? SeeAllUrl(string escapedQuery) => null;

    protected override IOrderedQueryable<Unit> ThenOrder(IOrderedQueryable<Unit> ranked) => ranked.ThenBy(u => u.Code);

    protected override Expression<Func<Unit, Row>> Columns => u => new Row(u.Code, u.NameVi, u.NameEn);

    protected override SearchHit ToHit(Row u) =>
        new(text["Units"], LocalizationSetup.IsVietnamese ? u.NameVi : u.NameEn, u.Code, "/units#unit-" + u.Code);
}
