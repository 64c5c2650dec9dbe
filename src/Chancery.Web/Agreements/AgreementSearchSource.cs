using System.Linq.Expressions;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Agreements;

/// <summary>Agreements in the global search box, found by their own words or their parties' names
/// (<see cref="AgreementSearchMatch"/>), best match then latest signature first.</summary>
public sealed class AgreementSearchSource(ChanceryDbContext db, IStringLocalizer<AgreementsText> text)
    : SearchSource<Agreement, AgreementSearchSource.Row>(db)
{
    public sealed record Row(int Id, string? TitleVi, string? TitleEn, string ExternalRef, AgreementType Type, DateOnly? SignedDate);

    protected override string Heading => text["Agreements"];

    protected override int Order => 350;

    protected override string SeeAllUrl(string escapedQuery) => "/agreements?q=" + escapedQuery;

    protected override IQueryable<Agreement> Matching(IQueryable<Agreement> all, SearchQuery query) => all.Where(AgreementSearchMatch.For(Db, query.Terms));

    protected override IOrderedQueryable<Agreement> ThenOrder(IOrderedQueryable<Agreement> ranked) =>
        ranked.ThenByDescending(a => a.SignedDate).ThenByDescending(a => a.Id);

    protected override Expression<Func<Agreement, Row>> Columns => a => new Row(a.Id, a.TitleVi, a.TitleEn, a.ExternalRef, a.Type, a.SignedDate);

    protected override SearchHit ToHit(Row a)
    {
        var vietnamese = LocalizationSetup.IsVietnamese;
        var title = (vietnamese ? a.TitleVi ?? a.TitleEn : a.TitleEn ?? a.TitleVi) ?? a.ExternalRef;
        var type = text["Type_" + Codes<AgreementType>.ToCode(a.Type)];
        return new(text["Agreements"], title, a.SignedDate is { } d ? $"{Formats.Date(d)} · {type}" : type, "/agreements/" + a.Id);
    }
}
