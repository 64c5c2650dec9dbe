namespace Chancery.Web.Common.Import;

/// <summary>A file being read as a header row and data rows of text cells, whatever its format. The
/// rows are read one at a time as <see cref="Rows"/> is enumerated (once): a large file is never held
/// as a table of text on top of its bytes. Dispose it when done (it may hold the open workbook).</summary>
public sealed class TabularFile(IReadOnlyList<string> headers, IEnumerable<TabularRow> rows, IDisposable? source = null) : IDisposable
{
    public IReadOnlyList<string> Headers { get; } = headers;
    public IEnumerable<TabularRow> Rows { get; } = rows;

    public void Dispose() => source?.Dispose();
}

/// <summary>Where each named column is in a row (names ignore case). One per file, shared by its rows.</summary>
public sealed class TabularColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public TabularColumns(IReadOnlyList<string> headers)
    {
        // A repeated name keeps its last position, as the per-row dictionaries did (the header check refuses it anyway).
        for (var i = 0; i < headers.Count; i++)
            if (!string.IsNullOrEmpty(headers[i])) _index[headers[i]] = i;
    }

    public int IndexOf(string column) => _index.GetValueOrDefault(column, -1);
}

/// <summary>A data row: its line in the file (the header is line 1) and its cells, as written.</summary>
public sealed class TabularRow(int line, TabularColumns columns, string[] cells)
{
    public int Line { get; } = line;

    /// <summary>The cell of a column; a column the header does not name has no cell, a short row has "" at its end.</summary>
    public bool TryGetCell(string column, out string value)
    {
        var index = columns.IndexOf(column);
        value = index < 0 ? "" : index < cells.Length ? cells[index] : "";
        return index >= 0;
    }
}
