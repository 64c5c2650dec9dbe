using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;

namespace Chancery.Web.Partners.Editing;

/// <summary>A partner as the detail page and GET /api/v1/partners/{code} show it: its fields, its
/// level today and its whole ladder history, oldest first.</summary>
public sealed record PartnerDetail(
    string Code, [property: CodeSet(typeof(PartnerKind))] string Kind, string? Iso2, string NameVi, string NameEn, string? Region, string? Subregion,
    bool Neighbour, bool LandBorder, bool MaritimeBoundary, bool Asean, bool MajorPower, bool Special,
    string? Notes, [property: CodeSet(typeof(ClassificationLevel))] string Classification, [property: CodeSet(typeof(RelationLevel))] string? CurrentLevel, string? CurrentLevelSince, int Version,
    IReadOnlyList<FrameworkEventDetail> Events) : IVersionedRecord
{
    public string Name(bool vietnamese) => vietnamese ? NameVi : NameEn;
}

/// <summary>One framework event; <see cref="EstablishedDate"/> is ISO (YYYY, YYYY-MM or YYYY-MM-DD) and
/// <see cref="Precision"/> says which ("year", "month", "day").</summary>
public sealed record FrameworkEventDetail(
    int Id, [property: CodeSet(typeof(RelationLevel))] string Level, string EstablishedDate, [property: CodeSet(typeof(DatePrecision))] string Precision, [property: CodeSet(typeof(RelationLevel))] string? PreviousLevel, string? OfficialName,
    string? AnnouncedBy, string? Source, string? Notes, [property: CodeSet(typeof(ClassificationLevel))] string Classification, int Version) : IVersionedRecord
{
    public PartialDate When => PartialDate.TryParse(EstablishedDate, out var d) ? d : default;

    public static FrameworkEventDetail From(FrameworkEvent e) => new(
        e.Id, e.Level.ToCode(), e.When.ToIso(), e.Precision.ToString().ToLowerInvariant(), e.PreviousLevel, e.OfficialName,
        e.AnnouncedBy, e.Source, e.Notes, Common.Classification.ClassificationLevels.ToCode(e.Classification), e.Version);
}
