using System.Linq.Expressions;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Directives;

/// <summary>Directives in the global search box, by number, issuer or title.</summary>
public sealed class DirectiveSearchSource(ChanceryDbContext db, IStringLocalizer<DirectivesText> text)
    : SearchSource<Directive, DirectiveSearchSource.Row>(db)
{
    public sealed record Row(int Id, string? Number, DateOnly Date, string Title);

    protected override string Heading => text["Directives"];

    protected override int Order => 350;

    protected override string? SeeAllUrl(string escapedQuery) => "/directives?q=" + escapedQuery;

    protected override IOrderedQueryable<Directive> ThenOrder(IOrderedQueryable<Directive> ranked) => ranked.ThenByDescending(d => d.Date);

    protected override Expression<Func<Directive, Row>> Columns => d => new Row(d.Id, d.Number, d.Date, d.Title);

    protected override SearchHit ToHit(Row d) =>
        new(text["Directives"], d.Title, d.Number is null ? Formats.Date(d.Date) : $"{d.Number} · {Formats.Date(d.Date)}", "/directives/" + d.Id);
}

/// <summary>Tasks in the global search box, by title, indicator or coordinating unit.</summary>
public sealed class TaskSearchSource(ChanceryDbContext db, IStringLocalizer<DirectivesText> text)
    : SearchSource<DirectiveTask, TaskSearchSource.Row>(db)
{
    public sealed record Row(int Id, string Title, DateOnly? Deadline);

    protected override string Heading => text["Tasks"];

    protected override int Order => 360;

    protected override string? SeeAllUrl(string escapedQuery) => null;

    protected override IOrderedQueryable<DirectiveTask> ThenOrder(IOrderedQueryable<DirectiveTask> ranked) => ranked.ThenBy(t => t.Deadline);

    protected override Expression<Func<DirectiveTask, Row>> Columns => t => new Row(t.Id, t.Title, t.Deadline);

    protected override SearchHit ToHit(Row t) =>
        new(text["Tasks"], t.Title, t.Deadline is { } d ? text["DeadlineOn", Formats.Date(d)] : text["Standing"], "/tasks/" + t.Id);
}
