using System.Text.RegularExpressions;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners.Editing;

/// <summary>Reads and writes partners and their framework events for both the API and the pages, so
/// validation, the clearance rule on writes and the version check live in one place. Reads go
/// through the classification query filter like everything else.</summary>
public sealed partial class PartnerEditor(ChanceryDbContext db, IStringLocalizer<PartnersText> text, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<PartnerDetail?> GetAsync(string code, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var partner = await db.Partners.AsNoTracking().Include(p => p.FrameworkEvents)
            .SingleOrDefaultAsync(p => p.Code == normalized, ct);
        return partner is null ? null : ToDetail(partner, Today);
    }

    public async Task<FrameworkEventDetail?> GetEventAsync(string code, int id, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var e = await db.FrameworkEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.Partner!.Code == normalized, ct);
        return e is null ? null : FrameworkEventDetail.From(e);
    }

    public async Task<EditOutcome<PartnerDetail>> CreateAsync(PartnerInput input, CancellationToken ct = default)
    {
        var code = Normalize(input.Code);
        var errors = ValidatePartner(input, code);
        // IgnoreQueryFilters: a code taken by a record the editor cannot see is still taken.
        if (!errors.ContainsKey(nameof(PartnerInput.Code)) &&
            await db.Partners.IgnoreQueryFilters().AnyAsync(p => p.Code == code, ct))
            errors[nameof(PartnerInput.Code)] = [text["ErrCodeTaken", code]];
        if (errors.Count > 0) return EditOutcome<PartnerDetail>.Invalid(errors);

        var partner = new Partner { Code = code, NameVi = "", NameEn = "" };
        Apply(input, partner);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return EditOutcome<PartnerDetail>.Saved((await GetAsync(code, ct))!);
    }

    /// <summary>Changes everything but the code (the code is the partner's identity in imports and links).</summary>
    public async Task<EditOutcome<PartnerDetail>> UpdateAsync(string code, PartnerInput input, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == normalized, ct);
        if (partner is null) return EditOutcome<PartnerDetail>.NotFound();
        input.Code = partner.Code;
        var errors = ValidatePartner(input, partner.Code);
        if (errors.Count > 0) return EditOutcome<PartnerDetail>.Invalid(errors);

        db.ExpectVersion(partner, input.Version);
        Apply(input, partner);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditOutcome<PartnerDetail>.Conflict(await GetAsync(normalized, ct));
        }
        return EditOutcome<PartnerDetail>.Saved((await GetAsync(normalized, ct))!);
    }

    public async Task<EditOutcome<FrameworkEventDetail>> CreateEventAsync(string code, FrameworkEventInput input, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == normalized, ct);
        if (partner is null) return EditOutcome<FrameworkEventDetail>.NotFound();
        var (errors, level, when, classification) = ValidateEvent(input);
        if (errors.Count == 0 && await TakenAsync(partner.Id, level, when, null, ct))
            errors[nameof(FrameworkEventInput.EstablishedDate)] = [text["ErrEventExists"]];
        if (errors.Count > 0) return EditOutcome<FrameworkEventDetail>.Invalid(errors);

        var e = new FrameworkEvent { PartnerId = partner.Id };
        Apply(input, e, level, when, classification);
        db.FrameworkEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return EditOutcome<FrameworkEventDetail>.Saved(FrameworkEventDetail.From(e));
    }

    public async Task<EditOutcome<FrameworkEventDetail>> UpdateEventAsync(string code, int id, FrameworkEventInput input, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var e = await db.FrameworkEvents.SingleOrDefaultAsync(e => e.Id == id && e.Partner!.Code == normalized, ct);
        if (e is null) return EditOutcome<FrameworkEventDetail>.NotFound();
        var (errors, level, when, classification) = ValidateEvent(input);
        if (errors.Count == 0 && await TakenAsync(e.PartnerId, level, when, e.Id, ct))
            errors[nameof(FrameworkEventInput.EstablishedDate)] = [text["ErrEventExists"]];
        if (errors.Count > 0) return EditOutcome<FrameworkEventDetail>.Invalid(errors);

        db.ExpectVersion(e, input.Version);
        Apply(input, e, level, when, classification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditOutcome<FrameworkEventDetail>.Conflict(await GetEventAsync(normalized, id, ct));
        }
        return EditOutcome<FrameworkEventDetail>.Saved(FrameworkEventDetail.From(e));
    }

    /// <summary>Deletes an event; with a version, only if nobody changed it since.</summary>
    public async Task<EditOutcome<FrameworkEventDetail>> DeleteEventAsync(string code, int id, int? version, CancellationToken ct = default)
    {
        var normalized = Normalize(code);
        var e = await db.FrameworkEvents.SingleOrDefaultAsync(e => e.Id == id && e.Partner!.Code == normalized, ct);
        if (e is null) return EditOutcome<FrameworkEventDetail>.NotFound();
        var detail = FrameworkEventDetail.From(e);
        if (version is { } v) db.ExpectVersion(e, v);
        db.FrameworkEvents.Remove(e);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditOutcome<FrameworkEventDetail>.Conflict(await GetEventAsync(normalized, id, ct));
        }
        return EditOutcome<FrameworkEventDetail>.Saved(detail);
    }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private Task<bool> TakenAsync(int partnerId, RelationLevel level, PartialDate when, int? exceptId, CancellationToken ct) =>
        db.FrameworkEvents.IgnoreQueryFilters().AnyAsync(
            e => e.PartnerId == partnerId && e.Level == level && e.Date == when.FirstDay && e.Id != (exceptId ?? 0), ct);

    /// <summary>The attributes' limits (lengths) first; the rules below replace their messages with ours.</summary>
    private static Dictionary<string, string[]> Annotations(object input)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(input, new(input), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m => (m, r.ErrorMessage ?? "")))
            .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
    }

    private Dictionary<string, string[]> ValidatePartner(PartnerInput input, string code)
    {
        var errors = Annotations(input);
        foreach (var required in new[] { nameof(PartnerInput.Code), nameof(PartnerInput.NameVi), nameof(PartnerInput.NameEn), nameof(PartnerInput.Kind) })
            errors.Remove(required);
        var isCountry = string.Equals(input.Kind, "country", StringComparison.OrdinalIgnoreCase);
        var isOrganisation = string.Equals(input.Kind, "organisation", StringComparison.OrdinalIgnoreCase);
        if (!isCountry && !isOrganisation) errors[nameof(PartnerInput.Kind)] = [text["ErrKind"]];
        if (code.Length == 0) errors[nameof(PartnerInput.Code)] = [text["ErrRequired"]];
        else if (isCountry && !Alpha3().IsMatch(code)) errors[nameof(PartnerInput.Code)] = [text["ErrAlpha3"]];
        else if (!isCountry && !OrganisationCode().IsMatch(code)) errors[nameof(PartnerInput.Code)] = [text["ErrOrgCode"]];
        if (!string.IsNullOrWhiteSpace(input.Iso2) && !Alpha2().IsMatch(input.Iso2.Trim().ToUpperInvariant()))
            errors[nameof(PartnerInput.Iso2)] = [text["ErrAlpha2"]];
        if (string.IsNullOrWhiteSpace(input.NameVi)) errors[nameof(PartnerInput.NameVi)] = [text["ErrRequired"]];
        if (string.IsNullOrWhiteSpace(input.NameEn)) errors[nameof(PartnerInput.NameEn)] = [text["ErrRequired"]];
        CheckClassification(input.Classification, errors, nameof(PartnerInput.Classification), out _);
        return errors;
    }

    private (Dictionary<string, string[]> Errors, RelationLevel Level, PartialDate When, ClassificationLevel Classification) ValidateEvent(FrameworkEventInput input)
    {
        var errors = Annotations(input);
        errors.Remove(nameof(FrameworkEventInput.Level));
        errors.Remove(nameof(FrameworkEventInput.EstablishedDate));
        if (!RelationLevels.TryParse(input.Level, out var level))
            errors[nameof(FrameworkEventInput.Level)] = [text["ErrLevel", string.Join(", ", RelationLevels.Codes)]];
        if (!PartialDate.TryParse(input.EstablishedDate, out var when))
            errors[nameof(FrameworkEventInput.EstablishedDate)] = [text["ErrDate"]];
        CheckClassification(input.Classification, errors, nameof(FrameworkEventInput.Classification), out var classification);
        return (errors, level, when, classification);
    }

    /// <summary>Writes never store a record the writer could not read back.</summary>
    private void CheckClassification(string? code, Dictionary<string, string[]> errors, string field, out ClassificationLevel level)
    {
        if (!ClassificationLevels.TryParse(string.IsNullOrWhiteSpace(code) ? "public" : code, out level))
            errors[field] = [text["ErrClassification", string.Join(", ", ClassificationLevels.Codes)]];
        else if (level > db.Clearance)
            errors[field] = [text["ErrAboveClearance"]];
    }

    private static void Apply(PartnerInput input, Partner p)
    {
        p.Kind = string.Equals(input.Kind, "organisation", StringComparison.OrdinalIgnoreCase) ? PartnerKind.Organisation : PartnerKind.Country;
        p.Iso2 = Blank(input.Iso2)?.ToUpperInvariant();
        p.NameVi = input.NameVi.Trim();
        p.NameEn = input.NameEn.Trim();
        p.Region = Blank(input.Region);
        p.Subregion = Blank(input.Subregion);
        p.IsNeighbour = input.Neighbour;
        p.HasLandBorder = input.LandBorder;
        p.HasMaritimeBoundary = input.MaritimeBoundary;
        p.IsAseanMember = input.Asean;
        p.IsMajorPower = input.MajorPower;
        p.HasSpecialRelationship = input.Special;
        p.Notes = Blank(input.Notes);
        p.Classification = ClassificationLevels.TryParse(input.Classification, out var c) ? c : ClassificationLevel.Public;
    }

    private static void Apply(FrameworkEventInput input, FrameworkEvent e, RelationLevel level, PartialDate when, ClassificationLevel classification)
    {
        e.Level = level;
        e.When = when;
        e.PreviousLevel = Blank(input.PreviousLevel);
        e.OfficialName = Blank(input.OfficialName);
        e.AnnouncedBy = Blank(input.AnnouncedBy);
        e.Source = Blank(input.Source);
        e.Notes = Blank(input.Notes);
        e.Classification = classification;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The level on a day: the latest event certainly in force by then (same rule as the list).</summary>
    public static PartnerDetail ToDetail(Partner p, DateOnly asOf)
    {
        var events = p.FrameworkEvents.OrderBy(e => e.Date).ThenBy(e => e.Level).ToList();
        var current = events.Where(e => e.EffectiveBy <= asOf).OrderByDescending(e => e.Date).ThenByDescending(e => e.Level).FirstOrDefault();
        var level = current?.Level ?? (p.HasSpecialRelationship ? RelationLevel.Special : null);
        return new PartnerDetail(
            p.Code, p.Kind == PartnerKind.Country ? "country" : "organisation", p.Iso2, p.NameVi, p.NameEn, p.Region, p.Subregion,
            p.IsNeighbour, p.HasLandBorder, p.HasMaritimeBoundary, p.IsAseanMember, p.IsMajorPower, p.HasSpecialRelationship,
            p.Notes, p.Classification.ToCode(), level?.ToCode(), current?.When.ToIso(), p.Version,
            events.Select(FrameworkEventDetail.From).ToList());
    }

    [GeneratedRegex("^[A-Z]{3}$")] private static partial Regex Alpha3();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex Alpha2();
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,11}$")] private static partial Regex OrganisationCode();
}
