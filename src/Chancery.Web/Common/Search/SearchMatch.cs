using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Search;

/// <summary>What a query finds and in which order, on a record's folded search text (its names
/// folded, cut into words, separated by " | "; see <see cref="TextFolding.FoldAll(string?[])"/>).
/// <para>Found: every word of the query is a whole word of the text, the last one (still being typed)
/// may be the beginning of a word: "han quoc" finds "Hàn Quốc", never "Thanh Hóa" nor "hành chính
/// quốc gia", which merely share the letters.</para>
/// <para>Ranked: a name equal to the query, then a name starting with it, then the query as a phrase
/// inside a name, then its words apart.</para>
/// Plain LIKE on both database providers; the text is padded with spaces so a word boundary is a space.</summary>
public static class SearchMatch
{
    public const string Escape = "\\";

    /// <summary>Records whose search text holds every term (see the class summary).</summary>
    public static Expression<Func<T, bool>> Words<T>(IReadOnlyList<string> terms) where T : class, ISearchable
    {
        Expression<Func<T, bool>>? all = null;
        for (var i = 0; i < terms.Count; i++)
        {
            // One variable per term: each becomes its own query parameter.
            var pattern = "% " + Escaped(terms[i]) + (i == terms.Count - 1 ? "%" : " %");
            Expression<Func<T, bool>> one = e => EF.Functions.Like(" " + e.SearchText + " ", pattern, Escape);
            all = all is null ? one : all.And(one);
        }
        return all ?? (_ => true);
    }

    /// <summary>0 for a name equal to the query, 1 for a name starting with it, 2 for the query as a
    /// phrase starting a word inside a name, 3 for the words apart: sort ascending.</summary>
    public static Expression<Func<T, int>> Rank<T>(IReadOnlyList<string> terms) where T : class, ISearchable
    {
        var phrase = Escaped(string.Join(' ', terms));
        var exact = "% | " + phrase + " | %";
        var prefix = "% | " + phrase + "%";
        var word = "% " + phrase + "%";
        return e => EF.Functions.Like(" | " + e.SearchText + " | ", exact, Escape) ? 0
            : EF.Functions.Like(" | " + e.SearchText, prefix, Escape) ? 1
            : EF.Functions.Like(" " + e.SearchText, word, Escape) ? 2
            : 3;
    }

    /// <summary>Either condition (for a module that also finds records through another's names).</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var e = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], e).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, rightBody), e);
    }

    /// <summary>A folded term with LIKE's wildcards escaped.</summary>
    private static string Escaped(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
