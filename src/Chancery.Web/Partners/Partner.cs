using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Partners;

/// <summary>A country (keyed by ISO 3166-1 alpha-3) or an international organisation (keyed by its
/// usual acronym) with which the sector keeps relations.</summary>
public sealed class Partner : IClassified, IVersioned, ISearchable
{
    public int Id { get; set; }
    /// <summary>ISO 3166-1 alpha-3 for a country; the acronym (ASEAN, UN …) for an organisation.</summary>
    public required string Code { get; set; }
    public PartnerKind Kind { get; set; }
    public string? Iso2 { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public string? Region { get; set; }
    public string? Subregion { get; set; }

    public bool IsNeighbour { get; set; }
    public bool HasLandBorder { get; set; }
    public bool HasMaritimeBoundary { get; set; }
    public bool IsAseanMember { get; set; }
    public bool IsMajorPower { get; set; }
    /// <summary>Laos, Cambodia, Cuba: the special relations that stand beside the ladder.</summary>
    public bool HasSpecialRelationship { get; set; }

    public string? Notes { get; set; }
    public ClassificationLevel Classification { get; set; } = ClassificationLevel.Public;
    public int Version { get; set; }
    public string SearchText { get; set; } = "";
    public List<FrameworkEvent> FrameworkEvents { get; set; } = [];

    public string BuildSearchText() => TextFolding.FoldAll(Code, Iso2, NameVi, NameEn);

    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}

public enum PartnerKind
{
    Country = 1,
    Organisation = 2,
}
