namespace Chancery.Web.Common.Import;

/// <summary>One value a coded column accepts, with its name in the reader's language.</summary>
public sealed record ImportCode(string Code, string Name);

/// <summary>The values one coded column of an import accepts (kinds, levels, countries ...).</summary>
public sealed record ImportCodeList(string Column, IReadOnlyList<ImportCode> Codes);
