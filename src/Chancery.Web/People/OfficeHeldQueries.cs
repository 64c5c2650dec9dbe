using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Chancery.Web.People;

/// <summary>Puts <see cref="PersonOffice.HeldOnDay"/> into queries: against a given day, or against a
/// date column of the same row (the review joins office periods to activities on their start date), so
/// that every query asks the same question in the same SQL.</summary>
public static class OfficeHeldQueries
{
    public static Expression<Func<PersonOffice, bool>> HeldOn(DateOnly day)
    {
        var rule = PersonOffice.HeldOnDay;
        // A captured value, not a constant, so EF sends the day as a parameter and reuses the plan.
        var boxed = new DayBox(day);
        var body = ReplacingExpressionVisitor.Replace(rule.Parameters[1],
            Expression.Field(Expression.Constant(boxed), nameof(DayBox.Day)), rule.Body);
        return Expression.Lambda<Func<PersonOffice, bool>>(body, rule.Parameters[0]);
    }

    /// <summary>Rows whose office period (<paramref name="office"/>) was held on their <paramref name="day"/>.</summary>
    public static IQueryable<T> WhereHeldOn<T>(this IQueryable<T> rows, Expression<Func<T, PersonOffice>> office, Expression<Func<T, DateOnly>> day)
    {
        var rule = PersonOffice.HeldOnDay;
        var row = Expression.Parameter(typeof(T), "row");
        var body = new ReplacingExpressionVisitor(
            [rule.Parameters[0], rule.Parameters[1]],
            [ReplacingExpressionVisitor.Replace(office.Parameters[0], row, office.Body), ReplacingExpressionVisitor.Replace(day.Parameters[0], row, day.Body)])
            .Visit(rule.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private sealed class DayBox(DateOnly day)
    {
        public readonly DateOnly Day = day;
    }
}
