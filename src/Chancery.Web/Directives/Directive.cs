using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Directives;

/// <summary>A document that sets the sector's work: the Prime Minister's conclusions at the annual
/// conference, a Government resolution, a Minister's instruction. Its tasks (<see cref="DirectiveTask"/>)
/// carry the deadlines; the directive itself only says who asked for what, when.</summary>
public sealed class Directive : IClassified, IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>The id the record carries in directives.csv; re-imports match on it.</summary>
    public required string ExternalRef { get; set; }
    /// <summary>The document's official number ("01/TB-VPCP"); may be empty for an oral conclusion.</summary>
    public string? Number { get; set; }
    public DateOnly Date { get; set; }
    public required string Issuer { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    /// <summary>Several sources separated by " ; ".</summary>
    public string? Source { get; set; }
    public List<DirectiveTask> Tasks { get; set; } = [];
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Internal;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => TextFolding.FoldAll(ExternalRef, Number, Issuer, Title);
}
