using Chancery.Web.Common.Writing;

namespace Chancery.Web.Common.Import;

/// <summary>Marker for the import reasons' words (ImportText.resx: English; ImportText.vi.resx), registered
/// with the shared error words (<see cref="ErrorWordsRegistration.AddErrorTexts{TTexts}"/>).</summary>
public sealed class ImportText;

/// <summary>Why an import refuses a row or a file: a code (the API's <c>code</c>, and the key of its words in
/// ImportText.resx or, for a shared code, ErrorText.resx) and the values its words name.</summary>
public sealed record ImportReason(string Code, params object?[] Args);

/// <summary>Every reason an import can give, in one place, so that each has its words in both languages.
/// Where a shared code says the same thing (<see cref="ErrorCodes"/>), the import uses it.</summary>
public static class ImportReasons
{
    public static ImportReason DateNotPartial(string text) => new(nameof(DateNotPartial), text);
    public static ImportReason UnknownPartner(string code) => new(nameof(UnknownPartner), code);
    /// <summary>The row's key is taken by a record the importer may not see. Worded as any value that cannot
    /// be used, never "exists but you are not cleared": the refusal keeps the key unique without telling
    /// what holds it.</summary>
    public static ImportReason Unavailable() => new(nameof(Unavailable));
    public static ImportReason EndBeforeStart(DateOnly end, DateOnly start) => new(ErrorCodes.EndBeforeStart, IsoDate.Format(end), IsoDate.Format(start));
    public static ImportReason DirectionContradictsKind(string direction, string kind, string required) => new(nameof(DirectionContradictsKind), direction, kind, required);
    public static ImportReason UnknownCountry(string code) => new(nameof(UnknownCountry), code);
    public static ImportReason UnknownDomesticOffice(string role) => new(nameof(UnknownDomesticOffice), role);
    public static ImportReason PartOfItself() => new(nameof(PartOfItself));
    public static ImportReason UnknownParent(string parent) => new(nameof(UnknownParent), parent);
    public static ImportReason FileTooLarge(long megabytes) => new(nameof(FileTooLarge), megabytes);
    public static ImportReason NoFileField() => new(nameof(NoFileField));
    public static ImportReason EmptyFile() => new(nameof(EmptyFile));
    public static ImportReason NoHeader() => new(nameof(NoHeader));
    public static ImportReason NotUtf8(int line) => new(nameof(NotUtf8), line);
    public static ImportReason NoDataRows() => new(nameof(NoDataRows));
    public static ImportReason NotCsv(string detail) => new(nameof(NotCsv), detail);
    public static ImportReason TooManyCells(int cells, int columns) => new(nameof(TooManyCells), cells, columns);
    public static ImportReason NotXlsx() => new(nameof(NotXlsx));
    public static ImportReason WorkbookTooLarge(long megabytes) => new(nameof(WorkbookTooLarge), megabytes);
    public static ImportReason TooManyColumns(int columns, int max) => new(nameof(TooManyColumns), columns, max);
    public static ImportReason CellTooLong(int max) => new(nameof(CellTooLong), max);
    public static ImportReason DuplicateRow(string key, int firstLine) => new(nameof(DuplicateRow), key, firstLine);
    public static ImportReason UnnamedColumn() => new(nameof(UnnamedColumn));
    public static ImportReason UnknownColumn(string column, string expected) => new(nameof(UnknownColumn), column, expected);
    public static ImportReason DuplicateColumn(string column) => new(nameof(DuplicateColumn), column);
    public static ImportReason MissingColumn(string column) => new(nameof(MissingColumn), column);
    public static ImportReason Required() => new(ErrorCodes.Required);
    public static ImportReason NotIsoDate(string text) => new(nameof(NotIsoDate), text);
    public static ImportReason NotOneOf(string text, string allowed) => new(nameof(NotOneOf), text, allowed);
    public static ImportReason MoreProblems(int more, int listed) => new(nameof(MoreProblems), more, listed);
}
