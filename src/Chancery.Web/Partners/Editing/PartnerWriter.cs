using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners.Editing;

/// <summary>Writes partners and their framework events for both the API and the pages: the input's
/// rules (<see cref="PartnerRules"/>), the clearance rule (<see cref="WriteGuard"/>), then the model's
/// limits and the version check (<see cref="CheckedSave"/>). Every
/// answer is a <see cref="WriteOutcome{T}"/> with the record as <see cref="PartnerQueries"/> reads it.</summary>
public sealed class PartnerWriter(ChanceryDbContext db, PartnerQueries queries, TimeProvider clock)
{
    public async Task<WriteOutcome<PartnerDetail>> CreateAsync(PartnerInput input, CancellationToken ct = default)
    {
        var code = PartnerQueries.Normalize(input.Code);
        var problems = new Problems();
        PartnerRules.CheckPartner(input, code, problems);
        // IgnoreQueryFilters: a code taken by a record the editor cannot see is still taken.
        if (!problems.Has("code") && await db.Partners.IgnoreQueryFilters().AnyAsync(p => p.Code == code, ct))
            problems.Add("code", ErrorCodes.Taken, code);
        var classification = WriteGuard.Classification(input.Classification, db.Clearance, null, ClassificationLevel.Public, problems);

        var partner = new Partner { Code = code, NameVi = "", NameEn = "" };
        Apply(input, partner, classification ?? ClassificationLevel.Public);
        db.Partners.Add(partner);
        return await CheckedSave.SaveAsync(db, partner, problems, c => queries.GetAsync(code, c), WriteStatus.Created, ct);
    }

    /// <summary>Changes everything but the code (the code is the partner's identity in imports and links).</summary>
    public async Task<WriteOutcome<PartnerDetail>> UpdateAsync(string code, PartnerInput input, CancellationToken ct = default)
    {
        var normalized = PartnerQueries.Normalize(code);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == normalized, ct);
        if (partner is null) return WriteOutcome<PartnerDetail>.NotFound();
        var problems = new Problems();
        PartnerRules.CheckPartner(input, partner.Code, problems);
        var classification = WriteGuard.Classification(input.Classification, db.Clearance, partner.Classification, ClassificationLevel.Public, problems);

        db.ExpectVersion(partner, input.Version);
        Apply(input, partner, classification ?? partner.Classification);
        return await CheckedSave.SaveAsync(db, partner, problems, c => queries.GetAsync(normalized, c), WriteStatus.Saved, ct);
    }

    public async Task<WriteOutcome<FrameworkEventDetail>> CreateEventAsync(string code, FrameworkEventInput input, CancellationToken ct = default)
    {
        var normalized = PartnerQueries.Normalize(code);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == normalized, ct);
        if (partner is null) return WriteOutcome<FrameworkEventDetail>.NotFound();
        var problems = new Problems();
        var e = new FrameworkEvent { PartnerId = partner.Id };
        await ApplyEventAsync(input, e, null, problems, ct);
        db.FrameworkEvents.Add(e);
        // The read runs after the save, when the new event has its id.
        return await CheckedSave.SaveAsync(db, e, problems, c => queries.GetEventAsync(normalized, e.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<FrameworkEventDetail>> UpdateEventAsync(string code, int id, FrameworkEventInput input, CancellationToken ct = default)
    {
        var normalized = PartnerQueries.Normalize(code);
        var e = await FindEventAsync(normalized, id, ct);
        if (e is null) return WriteOutcome<FrameworkEventDetail>.NotFound();
        var problems = new Problems();
        db.ExpectVersion(e, input.Version);
        await ApplyEventAsync(input, e, e.Classification, problems, ct);
        return await CheckedSave.SaveAsync(db, e, problems, c => queries.GetEventAsync(normalized, id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Puts an event in the bin (<see cref="RecordBin"/>): the partner's level and history no longer
    /// count it until an administrator restores it; with a version, only if nobody changed it since.</summary>
    public async Task<WriteOutcome<FrameworkEventDetail>> DeleteEventAsync(string code, int id, int? version, CancellationToken ct = default)
    {
        var normalized = PartnerQueries.Normalize(code);
        var e = await FindEventAsync(normalized, id, ct);
        if (e is null) return WriteOutcome<FrameworkEventDetail>.NotFound();
        return await RecordBin.DeleteAsync(db, e, version, FrameworkEventDetail.From(e), clock,
            c => queries.GetEventAsync(normalized, id, c), ct);
    }

    private Task<FrameworkEvent?> FindEventAsync(string normalizedCode, int id, CancellationToken ct) =>
        db.FrameworkEvents.SingleOrDefaultAsync(e => e.Id == id && e.Partner!.Code == normalizedCode, ct);

    /// <summary>Checks an event's input and applies it, also when refused, so its lengths are checked too.
    /// <paramref name="stored"/> is the event's current classification (null for a new one).</summary>
    private async Task ApplyEventAsync(FrameworkEventInput input, FrameworkEvent e, ClassificationLevel? stored, Problems problems, CancellationToken ct)
    {
        var (level, when) = PartnerRules.CheckEvent(input, problems);
        var classification = WriteGuard.Classification(input.Classification, db.Clearance, stored, ClassificationLevel.Public, problems);
        // IgnoreQueryFilters: an event the editor cannot see, or one in the bin, still holds its date.
        if (!problems.Any && await db.FrameworkEvents.IgnoreQueryFilters()
                .Where(x => x.PartnerId == e.PartnerId && x.Level == level && x.Date == when.FirstDay && x.Id != e.Id)
                .Select(x => new { InBin = x.DeletedAt != null }).FirstOrDefaultAsync(ct) is { } clash)
            problems.Add("establishedDate", clash.InBin ? "ErrEventInBin" : "ErrEventExists");

        e.Level = level;
        e.When = when;
        e.PreviousLevel = Blank(input.PreviousLevel);
        e.OfficialName = Blank(input.OfficialName);
        e.AnnouncedBy = Blank(input.AnnouncedBy);
        e.Source = Blank(input.Source);
        e.Notes = Blank(input.Notes);
        e.Classification = classification ?? stored ?? ClassificationLevel.Public;
    }

    private static void Apply(PartnerInput input, Partner p, ClassificationLevel classification)
    {
        p.Kind = string.Equals(input.Kind, "organisation", StringComparison.OrdinalIgnoreCase) ? PartnerKind.Organisation : PartnerKind.Country;
        p.Iso2 = Blank(input.Iso2)?.ToUpperInvariant();
        p.NameVi = (input.NameVi ?? "").Trim();
        p.NameEn = (input.NameEn ?? "").Trim();
        p.Region = Blank(input.Region);
        p.Subregion = Blank(input.Subregion);
        p.IsNeighbour = input.Neighbour;
        p.HasLandBorder = input.LandBorder;
        p.HasMaritimeBoundary = input.MaritimeBoundary;
        p.IsAseanMember = input.Asean;
        p.IsMajorPower = input.MajorPower;
        p.HasSpecialRelationship = input.Special;
        p.Notes = Blank(input.Notes);
        p.Classification = classification;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
