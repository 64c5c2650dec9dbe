namespace Chancery.Web.Common.Import;

/// <summary>The answer to an import or a preview: either problems (and nothing stored) or what was
/// (or would be) created, updated and left unchanged.</summary>
public sealed record ImportOutcome(
    bool Succeeded,
    bool DryRun,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportRowOutcome> Rows);

public sealed record ImportRowOutcome(int Line, string Key, string Action, IReadOnlyList<FieldChange> Changes);
