namespace Chancery.Web.Common.Classification;

/// <summary>A record that carries a classification. The DbContext adds one global query filter
/// for every such entity, so no read path can forget the clearance check.</summary>
public interface IClassified
{
    ClassificationLevel Classification { get; set; }
}
