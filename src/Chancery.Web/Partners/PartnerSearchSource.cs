using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

/// <summary>Partners in the global search box, found by code or by name in either language ("nhat ban"
/// and "Japan" both find Nhật Bản), named in the reader's language with the other name beside.</summary>
public sealed class PartnerSearchSource(ChanceryDbContext db, IStringLocalizer<PartnersText> text)
    : SearchSource<Partner, PartnerSearchSource.Row>(db)
{
    public sealed record Row(string Code, string NameVi, string NameEn);

    protected override string Heading => text["Partners"];

    protected override int Order => 100;

    protected override string SeeAllUrl(string escapedQuery) => "/partners?q=" + escapedQuery;

    protected override IOrderedQueryable<Partner> ThenOrder(IOrderedQueryable<Partner> ranked) => ranked.ThenBy(p => p.Code);

    protected override Expression<Func<Partner, Row>> Columns => p => new Row(p.Code, p.NameVi, p.NameEn);

    protected override SearchHit ToHit(Row p) => LocalizationSetup.IsVietnamese
        ? new(text["Partners"], p.NameVi, $"{p.Code} · {p.NameEn}", "/partners/" + p.Code)
        : new(text["Partners"], p.NameEn, $"{p.Code} · {p.NameVi}", "/partners/" + p.Code);
}
