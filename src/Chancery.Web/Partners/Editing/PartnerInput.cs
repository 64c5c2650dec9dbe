using System.ComponentModel.DataAnnotations;

namespace Chancery.Web.Partners.Editing;

/// <summary>What an editor sends to create or change a partner (API body and page form alike).
/// Codes are text ("country"/"organisation", "public"…) so the form and JSON read the same.</summary>
public sealed class PartnerInput
{
    [Required, StringLength(12)] public string Code { get; set; } = "";
    [Required] public string Kind { get; set; } = "country";
    [StringLength(2)] public string? Iso2 { get; set; }
    [Required, StringLength(200)] public string NameVi { get; set; } = "";
    [Required, StringLength(200)] public string NameEn { get; set; } = "";
    [StringLength(60)] public string? Region { get; set; }
    [StringLength(60)] public string? Subregion { get; set; }
    public bool Neighbour { get; set; }
    public bool LandBorder { get; set; }
    public bool MaritimeBoundary { get; set; }
    public bool Asean { get; set; }
    public bool MajorPower { get; set; }
    public bool Special { get; set; }
    [StringLength(4000)] public string? Notes { get; set; }
    public string Classification { get; set; } = "public";
    /// <summary>The version the editor started from (ignored on create).</summary>
    public int Version { get; set; }

    public static PartnerInput From(PartnerDetail p) => new()
    {
        Code = p.Code, Kind = p.Kind, Iso2 = p.Iso2, NameVi = p.NameVi, NameEn = p.NameEn, Region = p.Region,
        Subregion = p.Subregion, Neighbour = p.Neighbour, LandBorder = p.LandBorder, MaritimeBoundary = p.MaritimeBoundary,
        Asean = p.Asean, MajorPower = p.MajorPower, Special = p.Special, Notes = p.Notes, Classification = p.Classification,
        Version = p.Version,
    };
}

/// <summary>What an editor sends to create or change a framework event.</summary>
public sealed class FrameworkEventInput
{
    [Required] public string Level { get; set; } = "";
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: as precise as the sources allow.</summary>
    [Required] public string EstablishedDate { get; set; } = "";
    [StringLength(300)] public string? PreviousLevel { get; set; }
    [StringLength(300)] public string? OfficialName { get; set; }
    [StringLength(500)] public string? AnnouncedBy { get; set; }
    [StringLength(4000)] public string? Source { get; set; }
    [StringLength(4000)] public string? Notes { get; set; }
    public string Classification { get; set; } = "public";
    public int Version { get; set; }

    public static FrameworkEventInput From(FrameworkEventDetail e) => new()
    {
        Level = e.Level, EstablishedDate = e.EstablishedDate, PreviousLevel = e.PreviousLevel, OfficialName = e.OfficialName,
        AnnouncedBy = e.AnnouncedBy, Source = e.Source, Notes = e.Notes, Classification = e.Classification, Version = e.Version,
    };
}
