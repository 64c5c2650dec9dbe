using Chancery.Web.Common.Time;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>The one write path of an agreement, for the API and the edit page alike: checks the input
/// (every problem named by its field, as a code), applies it, checks the model's limits, and saves
/// through <see cref="VersionedSave"/> (an update names the version it started from).</summary>
public sealed class AgreementWriter(ChanceryDbContext db, AgreementQueries queries, TimeProvider clock)
{
    public async Task<WriteOutcome<AgreementDetail>> CreateAsync(AgreementInput input, CancellationToken ct)
    {
        var problems = new Problems();
        var partners = await CheckAsync(input, null, null, problems, ct);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, null, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<AgreementDetail>.Invalid(problems);

        var agreement = new Agreement { ExternalRef = input.ExternalRef is { Length: > 0 } r ? r.Trim() : "AG-" + Guid.NewGuid().ToString("N")[..12] };
        Apply(agreement, input, partners, level!.Value);
        db.Agreements.Add(agreement);
        return await CheckedSave.SaveAsync(db, agreement, problems, c => queries.DetailAsync(agreement.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<AgreementDetail>> UpdateAsync(int id, AgreementInput input, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return WriteOutcome<AgreementDetail>.NotFound();
        var problems = new Problems();
        var derived = agreement.Actions.Count == 0 ? (AgreementStatus?)null : AgreementStatusRule.Derive(agreement.Steps(), agreement.Status);
        var partners = await CheckAsync(input, id, derived, problems, ct);
        if (input.Version is null) problems.Add("version", ErrorCodes.VersionRequired);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, agreement.Classification, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<AgreementDetail>.Invalid(problems);

        if (input.ExternalRef is { Length: > 0 } r) agreement.ExternalRef = r.Trim();
        Apply(agreement, input, partners, level!.Value);
        db.ExpectVersion(agreement, input.Version!.Value);
        return await CheckedSave.SaveAsync(db, agreement, problems, c => queries.DetailAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Puts the agreement in the bin (<see cref="RecordBin"/>); with a version, only if nobody changed it
    /// since. Its parties, treaty actions and files stay with it (hidden while it is in the bin, back when it is
    /// restored). The commitments made under it stay in the register and in realisation (a pledge does not
    /// vanish because its paper was filed away); while it is in the bin they name no agreement.</summary>
    public async Task<WriteOutcome<AgreementDetail>> DeleteAsync(int id, int? version, CancellationToken ct)
    {
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || await queries.DetailAsync(id, ct) is not { } shown) return WriteOutcome<AgreementDetail>.NotFound();
        return await RecordBin.DeleteAsync(db, agreement, version, shown, clock, c => queries.DetailAsync(id, c), ct);
    }

    /// <summary>The input's codes, references and dates; answers the parties found, in the input's order.</summary>
    /// <param name="derived">The status the agreement's treaty actions give, when it has any: it stands
    /// instead of the input's.</param>
    private async Task<List<Partner>> CheckAsync(AgreementInput input, int? editingId, AgreementStatus? derived, Problems problems, CancellationToken ct)
    {
        if (!Codes<AgreementType>.TryParse(input.Type, out _)) problems.Add("type", ErrorCodes.OneOf, string.Join(", ", Codes<AgreementType>.All));
        if (input.Channel is not null && !Codes<ActivityChannel>.TryParse(input.Channel, out _))
            problems.Add("channel", ErrorCodes.OneOf, string.Join(", ", Codes<ActivityChannel>.All));
        var status = AgreementStatus.Signed;
        if (input.Status is not null && !Codes<AgreementStatus>.TryParse(input.Status, out status))
            problems.Add("status", ErrorCodes.OneOf, string.Join(", ", Codes<AgreementStatus>.All));
        status = derived ?? status;
        AgreementRules.Check(input.TitleVi, input.TitleEn, status, input.SignedDate, input.EntryIntoForce, input.ExpiryDate, input.Themes ?? [], problems);

        var partners = await PartiesAsync(input.Parties ?? [], problems, ct);
        if (input.ActivityId is { } activity && !await db.Activities.AnyAsync(a => a.Id == activity, ct))
            problems.Add("activityId", AgreementErrors.UnknownActivity);
        if (input.OwnerUnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
            problems.Add("ownerUnitId", AgreementErrors.UnknownUnit);
        if (input.ExternalRef is { Length: > 0 } reference
            && await db.Agreements.IgnoreQueryFilters().AnyAsync(a => a.ExternalRef == reference.Trim() && a.Id != editingId, ct))
            problems.Add("externalRef", AgreementErrors.ReferenceTaken);
        return partners;
    }

    /// <summary>The partners named, through the classification filter (a partner the writer may not see
    /// is unknown to them); each named once, at least one.</summary>
    private async Task<List<Partner>> PartiesAsync(IReadOnlyList<string> codes, Problems problems, CancellationToken ct)
    {
        var named = codes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (named.Count == 0)
        {
            problems.Add("parties", AgreementErrors.PartiesRequired);
            return [];
        }
        var found = await db.Partners.Where(p => named.Contains(p.Code)).ToListAsync(ct);
        var byCode = found.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        // Codes are compared as stored (ISO3 upper case); a lower-case code is found too.
        var missing = named.Where(c => !byCode.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var upper = missing.Select(c => c.ToUpperInvariant()).ToList();
            foreach (var p in await db.Partners.Where(p => upper.Contains(p.Code)).ToListAsync(ct)) byCode[p.Code] = p;
        }
        var result = new List<Partner>();
        foreach (var code in named)
        {
            if (!byCode.TryGetValue(code, out var partner)) problems.Add("parties", AgreementErrors.UnknownPartner, code);
            else if (result.Contains(partner)) problems.Add("parties", AgreementErrors.PartyTwice, code);
            else result.Add(partner);
        }
        return result;
    }

    /// <summary>Copies a checked input onto the agreement (parties replaced).</summary>
    private void Apply(Agreement a, AgreementInput input, List<Partner> partners, ClassificationLevel level)
    {
        // What the reader saw before this save: "expired" there came from the expiry date, not from a recording.
        var shownBefore = AgreementStatusRule.Shown(a.Status, a.ExpiryDate, clock.Today());
        Codes<AgreementType>.TryParse(input.Type, out var type);
        a.Type = type;
        a.Channel = input.Channel is not null && Codes<ActivityChannel>.TryParse(input.Channel, out var c) ? c : null;
        a.TitleVi = Blank(input.TitleVi);
        a.TitleEn = Blank(input.TitleEn);
        a.OurSignatory = Blank(input.OurSignatory);
        a.TheirSignatory = Blank(input.TheirSignatory);
        a.SignedDate = input.SignedDate;
        a.SignedPlace = Blank(input.SignedPlace);
        a.ActivityId = input.ActivityId;
        a.EntryIntoForce = input.EntryIntoForce;
        a.ExpiryDate = input.ExpiryDate;
        var status = input.Status is not null && Codes<AgreementStatus>.TryParse(input.Status, out var s) ? s : AgreementStatus.Signed;
        // A form or client sends back the status it was shown. "expired" shown because the date had passed
        // keeps the recorded status (signed or in force), so moving the expiry date later brings it back.
        if (!(status == AgreementStatus.Expired && shownBefore == AgreementStatus.Expired && a.Status != AgreementStatus.Expired)) a.Status = status;
        // Once treaty actions are recorded they decide the status (AgreementStatusRule), whatever the form says.
        if (a.Actions.Count > 0) a.Status = AgreementStatusRule.Derive(a.Steps(), a.Status);
        a.Themes = AgreementRules.JoinThemes(input.Themes ?? []);
        a.OwnerUnitId = input.OwnerUnitId;
        a.Sources = Blank(input.Sources);
        a.Notes = Blank(input.Notes);
        a.Classification = level;
        SetParties(a, partners.Select(p => p.Id).ToList());
    }

    /// <summary>The parties in the given order: unchanged rows stay (no audit noise), others are added or removed.</summary>
    private void SetParties(Agreement a, List<int> partnerIds)
    {
        foreach (var gone in a.Parties.Where(p => !partnerIds.Contains(p.PartnerId)).ToList())
        {
            a.Parties.Remove(gone);
            db.AgreementParties.Remove(gone);
        }
        for (var i = 0; i < partnerIds.Count; i++)
        {
            var party = a.Parties.FirstOrDefault(p => p.PartnerId == partnerIds[i]);
            if (party is null) a.Parties.Add(party = new AgreementParty { PartnerId = partnerIds[i] });
            if (party.Order != i + 1) party.Order = i + 1;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
