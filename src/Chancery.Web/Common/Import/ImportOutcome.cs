using Chancery.Web.Common.Writing;

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
    IReadOnlyList<ImportRowOutcome> Rows)
{
    /// <summary>The outcome with every problem in words (<see cref="ImportProblem.Worded"/>), for its reader.</summary>
    public ImportOutcome Worded(ErrorWords words) =>
        Problems.Count == 0 ? this : this with { Problems = [.. Problems.Select(p => p.Worded(words))] };
}

public sealed record ImportRowOutcome(int Line, string Key, string Action, IReadOnlyList<FieldChange> Changes);
