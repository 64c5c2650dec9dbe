namespace Chancery.Web.Common.Import;

/// <summary>A file read as a header row and data rows of text cells, whatever its format.</summary>
public sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows);

/// <summary>A data row: its line in the file (the header is line 1) and its cells by column name.</summary>
public sealed record TabularRow(int Line, IReadOnlyDictionary<string, string> Cells);
