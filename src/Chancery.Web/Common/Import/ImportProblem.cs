using System.Globalization;
using System.Text.Json.Serialization;

namespace Chancery.Web.Common.Import;

/// <summary>One thing wrong with an import file: the line (1 is the header row), the column when
/// one is to blame, why (in English), and the reason's code (<see cref="ImportReasons"/>).</summary>
public sealed record ImportProblem(int Line, string? Column, string Reason, string Code)
{
    public static ImportProblem Of(int line, string? column, ImportReason reason) =>
        new(line, column, reason.Text(CultureInfo.InvariantCulture), reason.Code) { Args = reason.Args };

    [JsonIgnore] public IReadOnlyList<object?> Args { get; init; } = [];

    /// <summary>Why, in the reader's language (the page's culture).</summary>
    public string ReasonIn(CultureInfo culture) => new ImportReason(Code, [.. Args]).Text(culture);
}

/// <summary>Collects problems while a file is read, parsed and checked. Nothing is stored while it
/// holds any.</summary>
public sealed class ImportProblems
{
    private readonly List<ImportProblem> _items = [];
    public IReadOnlyList<ImportProblem> Items => _items;
    public bool Any => _items.Count > 0;
    public void Add(int line, string? column, ImportReason reason) => _items.Add(ImportProblem.Of(line, column, reason));
}
