using System.Globalization;

namespace Chancery.Web.Common.Import;

/// <summary>Typed access to one row's cells. Every helper records a problem naming the line and the
/// column when the cell is missing or malformed, so a definition's parser reads as a list of fields.</summary>
public sealed class ImportRowReader(TabularRow row, ImportProblems problems)
{
    private int _problemsBefore = problems.Total;

    public int Line => row.Line;
    public bool HasProblems => problems.Total > _problemsBefore;

    public void Reset() => _problemsBefore = problems.Total;

    public void Problem(string? column, ImportReason reason) => problems.Add(row.Line, column, reason);

    public string? Optional(string column) =>
        row.TryGetCell(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null) Problem(column, ImportReasons.Required());
        return value ?? "";
    }

    public DateOnly? Date(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (IsoDate.TryParse(text, out var date)) return date;
        Problem(column, ImportReasons.NotIsoDate(text));
        return null;
    }

    /// <summary>Parses a coded value (e.g. a level) with the given parser, naming the allowed codes on failure.</summary>
    public T? Code<T>(string column, bool required, TryParseCode<T> parse, IEnumerable<string> allowed) where T : struct
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (parse(text, out var value)) return value;
        Problem(column, ImportReasons.NotOneOf(text, string.Join(", ", allowed)));
        return null;
    }

    /// <summary>A list cell: values separated by ';'.</summary>
    public IReadOnlyList<string> List(string column) =>
        (Optional(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public delegate bool TryParseCode<T>(string? text, out T value);
