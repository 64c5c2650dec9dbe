using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

/// <summary>Partners in the global search box, by code, named in the reader's language.</summary>
public sealed class PartnerSearchSource(ChanceryDbContext db, IStringLocalizer<PartnersText> text)
    : SearchSource<Partner, PartnerSearchSource.Row>(db)
{
    public sealed record Row(string Code, string NameVi, string NameEn);

    protected override IOrderedQueryable<Partner> Order(IQueryable<Partner> matching) => matching.OrderBy(p => p.Code);

    protected override Expression<Func<Partner, Row>> Columns => p => new Row(p.Code, p.NameVi, p.NameEn);

    protected override SearchHit ToHit(Row p) =>
        new(text["Partner"], LocalizationSetup.IsVietnamese ? p.NameVi : p.NameEn, p.Code, "/partners/" + p.Code);
}
