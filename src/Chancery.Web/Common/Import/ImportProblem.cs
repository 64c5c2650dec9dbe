namespace Chancery.Web.Common.Import;

/// <summary>One thing wrong with an import file: the line (1 is the header row), the column when
/// one is to blame, and why.</summary>
public sealed record ImportProblem(int Line, string? Column, string Reason);

/// <summary>Collects problems while a file is read, parsed and checked. Nothing is stored while it
/// holds any.</summary>
public sealed class ImportProblems
{
    private readonly List<ImportProblem> _items = [];
    public IReadOnlyList<ImportProblem> Items => _items;
    public bool Any => _items.Count > 0;
    public void Add(int line, string? column, string reason) => _items.Add(new ImportProblem(line, column, reason));
}
