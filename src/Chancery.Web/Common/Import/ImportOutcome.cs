using Chancery.Web.Common.Api;
using System.Text.Json.Serialization;
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
    /// <summary>Problems met but not listed: <see cref="Problems"/> holds the first
    /// <see cref="ImportProblems.ListLimit"/> (by line), this counts the rest.</summary>
    public int ProblemsNotListed { get; init; }

    /// <summary>The closing "and N more" note when problems were left out of the list, in words.</summary>
    public string? Note { get; init; }

    /// <summary>The outcome with every problem in words (<see cref="ImportProblem.Worded"/>), for its reader.</summary>
    public ImportOutcome Worded(ErrorWords words) =>
        Problems.Count == 0 ? this : this with
        {
            Problems = [.. Problems.Select(p => p.Worded(words))],
            Note = ProblemsNotListed > 0 ? words.Word(MoreProblems.Code, MoreProblems.Args) : null,
        };

    /// <summary>The "and N more" note as a reason (its words are in ImportText).</summary>
    [JsonIgnore] public ImportReason MoreProblems => ImportReasons.MoreProblems(ProblemsNotListed, Problems.Count);
}

/// <summary>One row of the preview: its line, key and action, the fields an update changes, and the
/// row's date and title (<see cref="ImportDefinition{TRow}.Describe"/>).</summary>
public sealed record ImportRowOutcome(int Line, string Key, [property: CodeSet(typeof(ImportAction))] string Action, IReadOnlyList<FieldChange> Changes,
    string? Date = null, string? Title = null);
