using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Activities;

/// <summary>Activities in the global search box, latest first.</summary>
public sealed class ActivitySearchSource(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text)
    : SearchSource<Activity, ActivitySearchSource.Row>(db)
{
    public sealed record Row(int Id, string? Title, ActivityKind Kind, DateOnly DateStart);

    protected override IOrderedQueryable<Activity> Order(IQueryable<Activity> matching) => matching.OrderByDescending(a => a.DateStart);

    protected override Expression<Func<Activity, Row>> Columns => a => new Row(a.Id, a.Title, a.Kind, a.DateStart);

    protected override SearchHit ToHit(Row a) =>
        new(text["Activities"], a.Title ?? a.Kind.ToString(), Formats.Date(a.DateStart), "/activities/" + a.Id);
}
