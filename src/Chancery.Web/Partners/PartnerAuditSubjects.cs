using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

/// <summary>Partners on the audit page: named in the reader's language, linked to their page.</summary>
internal sealed class PartnerAuditSubject(ChanceryDbContext db, IStringLocalizer<PartnersText> text, IStringLocalizer<SharedText> shared)
    : AuditSubject<Partner>(text)
{
    public override string? ChangeFeedType => "partner";

    protected override string LabelKey => "Partners";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Partner.Code)] = "SortCode", [nameof(Partner.Region)] = "SortRegion", [nameof(Partner.Notes)] = "EditorNotes",
        [nameof(Partner.IsNeighbour)] = "Flag_neighbour", [nameof(Partner.HasLandBorder)] = "Flag_land_border",
        [nameof(Partner.HasMaritimeBoundary)] = "Flag_maritime", [nameof(Partner.IsAseanMember)] = "Flag_asean",
        [nameof(Partner.IsMajorPower)] = "Flag_major_power", [nameof(Partner.HasSpecialRelationship)] = "Flag_special",
    };

    public override string? Value(string field, string value) => field switch
    {
        nameof(Partner.Kind) => value == nameof(PartnerKind.Country) ? shared["Country"].Value : value == nameof(PartnerKind.Organisation) ? shared["Organisation"].Value : null,
        nameof(Partner.Region) or nameof(Partner.Subregion) => WorldRegions.Find(value) is { } region ? text["WorldRegion_" + region.Code].Value : Word(text, "Region_" + value),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(LocalizationSetup.IsVietnamese ? r.NameVi : r.NameEn, "/partners/" + Uri.EscapeDataString(r.Code)));
    }
}

/// <summary>A framework event: named after its partner and level, linked to the partner's page; both the
/// event and the partner must be visible to the reader.</summary>
internal sealed class FrameworkEventAuditSubject(ChanceryDbContext db, IStringLocalizer<PartnersText> text, IStringLocalizer<SharedText> shared)
    : AuditSubject<FrameworkEvent>(text)
{
    protected override string LabelKey => "Ladder";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(FrameworkEvent.PartnerId)] = "Partner", [nameof(FrameworkEvent.Notes)] = "EditorNotes",
    };

    public override IReadOnlyDictionary<string, string> References { get; } =
        new Dictionary<string, string> { [nameof(FrameworkEvent.PartnerId)] = nameof(Partner) };

    /// <summary>The words the partner form shares with every page (level, date, source).</summary>
    private static readonly string[] SharedFields = [nameof(FrameworkEvent.Level), nameof(FrameworkEvent.Date), nameof(FrameworkEvent.Source)];

    public override string? FieldLabel(string field) =>
        SharedFields.Contains(field) ? shared[field].Value : base.FieldLabel(field);

    public override string? Value(string field, string value) => field switch
    {
        nameof(FrameworkEvent.Level) => Enum.TryParse<RelationLevel>(value, out var level) && Enum.IsDefined(level) ? Word(text, "Level_" + level.ToCode()) : null,
        nameof(FrameworkEvent.PreviousLevel) => Word(text, "Level_" + value),
        nameof(FrameworkEvent.Precision) => value switch
        {
            nameof(DatePrecision.Year) => Word(text, "PrecisionYear"),
            nameof(DatePrecision.Month) => Word(text, "PrecisionMonth"),
            _ => null,
        },
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        // Named in the bin too (the trail says who deleted what); the partner's page is its page either way.
        var rows = await db.FrameworkEvents.AsNoTracking().WithBin().Where(e => ids.Contains(e.Id))
            .Join(db.Partners, e => e.PartnerId, p => p.Id, (e, p) => new { e.Id, e.Level, p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(
            $"{(LocalizationSetup.IsVietnamese ? r.NameVi : r.NameEn)} · {Word(text, "Level_" + r.Level.ToCode()) ?? r.Level.ToCode()}",
            "/partners/" + Uri.EscapeDataString(r.Code)));
    }
}
