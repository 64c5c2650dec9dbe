using Chancery.Web.Common.Import;

namespace Chancery.Web.Directives.Importing;

/// <summary>Collects the fields a re-imported row changes, for the preview (and "unchanged" when none).</summary>
internal sealed class ImportDiff
{
    public List<FieldChange> Changes { get; } = [];

    public void Compare(string field, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) Changes.Add(new FieldChange(field, before, after));
    }

    public ImportAction Action => Changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update;
}

/// <summary>The reasons only these imports give (worded in DirectivesText).</summary>
internal static class DirectiveImportReasons
{
    public static ImportReason UnknownDirective(string id) => new("ImportUnknownDirective", id);
    public static ImportReason UnknownTask(string id) => new("ImportUnknownTask", id);
    public static ImportReason UnknownUnit(string code) => new(DirectiveRules.UnitUnknown, code);
    public static ImportReason ParentLoop(string id) => new("ImportParentLoop", id);
    public static ImportReason ParentElsewhere(string id) => new(DirectiveRules.ParentElsewhere, id);
    public static ImportReason NotYourUnit(string code) => new(DirectiveRules.NotYourUnit, code);
    public static ImportReason NotNumber(string text) => new("ImportNotNumber", text);
    public static ImportReason NotBoolean(string text) => new("ImportNotBoolean", text);
    public static ImportReason PercentRange() => new(DirectiveRules.PercentRange);
}
