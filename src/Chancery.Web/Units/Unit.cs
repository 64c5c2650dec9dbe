using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Search;

namespace Chancery.Web.Units;

/// <summary>An organisational unit: the Ministry, its departments and missions abroad, the other
/// ministries and the provinces. Units form a tree through <see cref="ParentId"/>.</summary>
public sealed class Unit : IVersioned, ISearchable
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public List<Unit> Children { get; set; } = [];
    /// <summary>For a mission abroad: the host country (ISO 3166-1 alpha-3).</summary>
    public string? CountryIso3 { get; set; }
    public int Version { get; set; }
    public string SearchText { get; set; } = "";

    public string BuildSearchText() => TextFolding.FoldAll(Code, NameVi, NameEn);
}

public enum UnitKind
{
    Ministry = 1,
    Department = 2,
    Mission = 3,
    OtherMinistry = 4,
    Province = 5,
}
