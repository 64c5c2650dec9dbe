using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
namespace Chancery.Web.Partners.Editing;

/// <summary>What an editor sends to create or change a partner (API body and page form alike).
/// Codes are text ("country"/"organisation", "public"…) so the form and JSON read the same. The
/// rules are <see cref="PartnerRules"/>'s; the lengths are the database model's.</summary>
public sealed class PartnerInput : Common.Concurrency.IVersionedRequest
{
    public string Code { get; set; } = "";
    [CodeSet(typeof(PartnerKind))]
    public string Kind { get; set; } = "country";
    public string? Iso2 { get; set; }
    public string NameVi { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Region { get; set; }
    public string? Subregion { get; set; }
    public bool Neighbour { get; set; }
    public bool LandBorder { get; set; }
    public bool MaritimeBoundary { get; set; }
    public bool Asean { get; set; }
    public bool MajorPower { get; set; }
    public bool Special { get; set; }
    public string? Notes { get; set; }
    /// <summary>Left out, a new partner is public and a stored one keeps its level.</summary>
    [CodeSet(typeof(ClassificationLevel))]
    public string? Classification { get; set; }
    /// <summary>The version the editor started from (ignored on create).</summary>
    public int Version { get; set; }

    public Common.Concurrency.IVersionedRequest WithVersion(int version)
    {
        Version = version;
        return this;
    }

    public static PartnerInput From(PartnerDetail p) => new()
    {
        Code = p.Code, Kind = p.Kind, Iso2 = p.Iso2, NameVi = p.NameVi, NameEn = p.NameEn, Region = p.Region,
        Subregion = p.Subregion, Neighbour = p.Neighbour, LandBorder = p.LandBorder, MaritimeBoundary = p.MaritimeBoundary,
        Asean = p.Asean, MajorPower = p.MajorPower, Special = p.Special, Notes = p.Notes, Classification = p.Classification,
        Version = p.Version,
    };
}

/// <summary>What an editor sends to create or change a framework event.</summary>
public sealed class FrameworkEventInput : Common.Concurrency.IVersionedRequest
{
    [CodeSet(typeof(RelationLevel))]
    public string Level { get; set; } = "";
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: as precise as the sources allow.</summary>
    public string EstablishedDate { get; set; } = "";
    [CodeSet(typeof(RelationLevel))]
    public string? PreviousLevel { get; set; }
    public string? OfficialName { get; set; }
    public string? AnnouncedBy { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
    /// <summary>Left out, a new event is public and a stored one keeps its level.</summary>
    [CodeSet(typeof(ClassificationLevel))]
    public string? Classification { get; set; }
    public int Version { get; set; }

    public Common.Concurrency.IVersionedRequest WithVersion(int version)
    {
        Version = version;
        return this;
    }

    public static FrameworkEventInput From(FrameworkEventDetail e) => new()
    {
        Level = e.Level, EstablishedDate = e.EstablishedDate, PreviousLevel = e.PreviousLevel, OfficialName = e.OfficialName,
        AnnouncedBy = e.AnnouncedBy, Source = e.Source, Notes = e.Notes, Classification = e.Classification, Version = e.Version,
    };
}
