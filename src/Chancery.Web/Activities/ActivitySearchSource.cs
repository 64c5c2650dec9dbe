using System.Linq.Expressions;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Activities;

/// <summary>Activities in the global search box, found by their own words or their countries' names
/// (<see cref="ActivitySearchMatch"/>), best match then latest first.</summary>
public sealed class ActivitySearchSource(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text)
    : SearchSource<Activity, ActivitySearchSource.Row>(db)
{
    public sealed record Row(int Id, string? Title, string? TitleEn, string ExternalRef, ActivityKind Kind, DateOnly DateStart);

    protected override string Heading => text["Activities"];

    protected override int Order => 300;

    protected override string SeeAllUrl(string escapedQuery) => "/activities?q=" + escapedQuery;

    protected override IQueryable<Activity> Matching(IQueryable<Activity> all, SearchQuery query) => all.Where(ActivitySearchMatch.For(Db, query.Terms));

    protected override IOrderedQueryable<Activity> ThenOrder(IOrderedQueryable<Activity> ranked) =>
        ranked.ThenByDescending(a => a.DateStart).ThenByDescending(a => a.Id);

    protected override Expression<Func<Activity, Row>> Columns => a => new Row(a.Id, a.Title, a.TitleEn, a.ExternalRef, a.Kind, a.DateStart);

    protected override SearchHit ToHit(Row a) =>
        new(text["Activities"], ActivityTitles.Text(a.Title, a.TitleEn, a.ExternalRef), $"{Formats.Date(a.DateStart)} · {text["Kind_" + Codes<ActivityKind>.ToCode(a.Kind)]}", "/activities/" + a.Id);
}
