namespace Chancery.Web.Common.Writing;

/// <summary>One thing wrong with one field of an input: a code with its arguments, never words. The
/// words are chosen at the edge in the reader's language (<see cref="ErrorWords"/>): beside the field
/// on a page, in the ValidationProblem of the API. <paramref name="Field"/> is named as the API's JSON
/// names it (camelCase, <c>legs[0].countryIso3</c>), so a page and a client point at the same input.</summary>
public sealed record FieldProblem(string Field, string Code, IReadOnlyList<object?> Args)
{
    public FieldProblem(string field, string code) : this(field, code, []) { }
}

/// <summary>The problems of one input, in the order they were found.</summary>
public sealed class Problems
{
    private readonly List<FieldProblem> items = [];

    public IReadOnlyList<FieldProblem> All => items;
    public bool Any => items.Count > 0;
    public int Count => items.Count;

    public Problems Add(string field, string code, params object?[] args)
    {
        items.Add(new FieldProblem(field, code, args));
        return this;
    }

    public void AddRange(IEnumerable<FieldProblem> problems) => items.AddRange(problems);

    public bool Has(string field) => items.Exists(p => p.Field == field);

    public IEnumerable<FieldProblem> For(string field) => items.Where(p => p.Field == field);

    /// <summary>Replaces whatever was said about a field with one problem (a precise rule overriding a generic one).</summary>
    public void Set(string field, string code, params object?[] args)
    {
        items.RemoveAll(p => p.Field == field);
        Add(field, code, args);
    }
}
