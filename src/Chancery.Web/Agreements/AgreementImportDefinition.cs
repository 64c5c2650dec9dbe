using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Agreements;

/// <summary>One parsed row of agreements.csv.</summary>
public sealed record AgreementRow(
    string Id, AgreementType Type, ActivityChannel? Channel, string? TitleVi, string? TitleEn, IReadOnlyList<string> Parties,
    string? OurSignatory, string? TheirSignatory, DateOnly? SignedDate, string? SignedPlace, string? ActivityId,
    DateOnly? EntryIntoForce, DateOnly? ExpiryDate, AgreementStatus Status, IReadOnlyList<string> Themes, string? OwnerUnit,
    ClassificationLevel? Classification, string? Source, string? Notes);

/// <summary>agreements.csv (DOMAIN's format): all-or-nothing through the kernel's pipeline, keyed by <c>id</c>
/// (a second import of the same file changes nothing), parties by partner code, the activity by its
/// activities.csv id, the owner unit by its code. The rules of a hand-made agreement apply (<see cref="AgreementRules"/>).</summary>
public sealed class AgreementImportDefinition(ChanceryDbContext db, IStringLocalizer<AgreementsText> words, IStringLocalizer<SharedText> shared)
    : WholeFileImportDefinition<AgreementRow>
{
    // The examples make the template's row, which imports as it is.
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "AG-2023-USA-CSP"), new("type", Required: true, Example: "joint_statement"),
        new("channel", Example: "party"), new("title_vi", Example: "Tuyên bố chung về nâng cấp quan hệ lên Đối tác chiến lược toàn diện"),
        new("title_en", Example: "Joint Leaders' Statement: Elevating to a Comprehensive Strategic Partnership"),
        new("parties", Required: true, Example: "USA"), new("our_signatory"), new("their_signatory"),
        new("signed_date", Example: "2023-09-10"), new("signed_place", Example: "Hà Nội"), new("activity_id"),
        new("entry_into_force"), new("expiry_date"), new("status", Example: "signed"), new("themes", Example: "semiconductors"),
        new("owner_unit"), new("classification", Example: "public"), new("source", Example: "https://www.whitehouse.gov/"), new("notes"),
    ];

    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override AgreementRow? Parse(ImportRowReader row)
    {
        var id = row.Required("id");
        var type = row.Code<AgreementType>("type", true, Codes<AgreementType>.TryParse, Codes<AgreementType>.All);
        var channel = row.Code<ActivityChannel>("channel", false, Codes<ActivityChannel>.TryParse, Codes<ActivityChannel>.All);
        var status = row.Code<AgreementStatus>("status", false, Codes<AgreementStatus>.TryParse, Codes<AgreementStatus>.All);
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        var parties = row.List("parties");
        if (parties.Count == 0 && row.Optional("parties") is null) row.Problem("parties", ImportReasons.Required());
        var signed = row.Date("signed_date", false);
        var force = row.Date("entry_into_force", false);
        var expiry = row.Date("expiry_date", false);
        var themes = row.List("themes");
        var parsed = new AgreementRow(id, type ?? default, channel, row.Optional("title_vi"), row.Optional("title_en"), parties,
            row.Optional("our_signatory"), row.Optional("their_signatory"), signed, row.Optional("signed_place"), row.Optional("activity_id"),
            force, expiry, status ?? AgreementStatus.Signed, themes, row.Optional("owner_unit"), classification, row.Optional("source"), row.Optional("notes"));
        // The rules of every agreement, worded on the file's columns.
        var problems = new Problems();
        AgreementRules.Check(parsed.TitleVi, parsed.TitleEn, parsed.Status, signed, force, expiry, themes, problems);
        foreach (var p in problems.All) row.Problem(Column(p.Field), new ImportReason(p.Code, [.. p.Args]));
        return parsed;
    }

    private static string Column(string field) => field switch
    {
        "titleVi" => "title_vi", "signedDate" => "signed_date", "entryIntoForce" => "entry_into_force", "expiryDate" => "expiry_date",
        _ => field,
    };

    public override string KeyOf(AgreementRow row) => row.Id;

    public override async Task<IReadOnlyList<PlannedRow<AgreementRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<AgreementRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Key).ToList();
        // IgnoreQueryFilters: a row must match its stored agreement even when the importer cannot see it or
        // it is in the bin (refused then, StoredKey), or it would make a second one under the same id.
        var stored = await db.Agreements.IgnoreQueryFilters().Include(a => a.Parties).Include(a => a.Actions)
            .Where(a => EF.Parameter(ids).Contains(a.ExternalRef)).ToDictionaryAsync(a => a.ExternalRef, ct);
        var codes = rows.SelectMany(r => r.Value.Parties).Select(c => c.Trim()).Distinct().ToList();
        var upper = codes.Select(c => c.ToUpperInvariant()).ToList();
        var partners = (await db.Partners.Where(p => codes.Contains(p.Code) || upper.Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        var activityRefs = rows.Select(r => r.Value.ActivityId).OfType<string>().Distinct().ToList();
        var activities = await db.Activities.Where(a => activityRefs.Contains(a.ExternalRef)).ToDictionaryAsync(a => a.ExternalRef, a => a.Id, ct);
        var unitCodes = rows.Select(r => r.Value.OwnerUnit).OfType<string>().Distinct().ToList();
        var units = await db.Units.Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var clearance = db.Clearance;

        var plan = new List<PlannedRow<AgreementRow>>(rows.Count);
        foreach (var row in rows)
        {
            var value = row.Value;
            var ok = true;
            var partyIds = new List<int>();
            foreach (var code in value.Parties)
            {
                if (partners.TryGetValue(code.Trim(), out var partner)) partyIds.Add(partner.Id);
                else { problems.Add(row.Line, "parties", ImportReasons.UnknownPartner(code)); ok = false; }
            }
            int? activityId = null;
            if (value.ActivityId is { } activityRef)
            {
                if (activities.TryGetValue(activityRef, out var found)) activityId = found;
                else { problems.Add(row.Line, new FieldProblem("activity_id", AgreementErrors.UnknownActivity)); ok = false; }
            }
            int? unitId = null;
            if (value.OwnerUnit is { } unitCode)
            {
                if (units.TryGetValue(unitCode, out var found)) unitId = found;
                else { problems.Add(row.Line, new FieldProblem("owner_unit", AgreementErrors.UnknownUnit)); ok = false; }
            }
            stored.TryGetValue(row.Key, out var existing);
            if (StoredKey.IsOutOfReach(existing, clearance))
            {
                problems.Add(row.Line, null, ImportReasons.Unavailable());
                continue;
            }
            var level = problems.Classification(row.Line, value.Classification, clearance, existing?.Classification, ClassificationLevel.Internal);
            if (level is null || !ok || row.Flawed) continue;
            _titles[row.Key] = (LocalizationSetup.IsVietnamese ? value.TitleVi ?? value.TitleEn : value.TitleEn ?? value.TitleVi) ?? row.Key;
            var target = new Resolved(existing, partyIds.Distinct().ToList(), activityId, unitId, level.Value);
            if (existing is null)
            {
                plan.Add(new PlannedRow<AgreementRow>(row.Line, row.Key, ImportAction.Create, value, []) { Target = target });
                continue;
            }
            var changes = Diff(existing, value, target);
            plan.Add(new PlannedRow<AgreementRow>(row.Line, row.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, value, changes) { Target = target });
        }
        return plan;
    }

    private sealed record Resolved(Agreement? Stored, List<int> Parties, int? ActivityId, int? UnitId, ClassificationLevel Level);

    public override ImportRowSummary Describe(PlannedRow<AgreementRow> row) =>
        new(row.Value.SignedDate is { } d ? IsoDate.Format(d) : null, _titles.GetValueOrDefault(row.Key, row.Key));

    public override async Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).Select(u => new { u.Code, u.NameVi, u.NameEn }).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return
        [
            new("type", [.. Codes<AgreementType>.All.Select(c => new ImportCode(c, words["Type_" + c]))]),
            new("status", [.. Codes<AgreementStatus>.All.Select(c => new ImportCode(c, words["Status_" + c]))]),
            new("channel", [.. Codes<ActivityChannel>.All.Select(c => new ImportCode(c, words["Channel_" + c]))]),
            new("parties", [.. partners.Select(p => new ImportCode(p.Code, vietnamese ? p.NameVi : p.NameEn))]),
            new("themes", [.. ActivityThemes.All.Select(t => new ImportCode(t, t))]),
            new("owner_unit", [.. units.Select(u => new ImportCode(u.Code, vietnamese ? u.NameVi : u.NameEn))]),
            new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))]),
        ];
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<AgreementRow>> plan, CancellationToken ct)
    {
        foreach (var row in plan.Where(r => r.Action is ImportAction.Create or ImportAction.Update))
        {
            var target = (Resolved)row.Target!;
            var agreement = target.Stored ?? new Agreement { ExternalRef = row.Key };
            if (target.Stored is null) db.Agreements.Add(agreement);
            Copy(row.Value, target, agreement);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Everything the row says onto the agreement; its status, when it has treaty actions, stays theirs
    /// (an imported status is taken as stated otherwise: a file records history).</summary>
    private void Copy(AgreementRow r, Resolved target, Agreement a)
    {
        a.Type = r.Type; a.Channel = r.Channel; a.TitleVi = r.TitleVi; a.TitleEn = r.TitleEn;
        a.OurSignatory = r.OurSignatory; a.TheirSignatory = r.TheirSignatory; a.SignedDate = r.SignedDate; a.SignedPlace = r.SignedPlace;
        a.ActivityId = target.ActivityId; a.EntryIntoForce = r.EntryIntoForce; a.ExpiryDate = r.ExpiryDate;
        a.Status = a.Actions.Count > 0 ? AgreementStatusRule.Derive(a.Steps(), r.Status) : r.Status;
        a.Themes = AgreementRules.JoinThemes(r.Themes); a.OwnerUnitId = target.UnitId; a.Classification = target.Level;
        a.Sources = r.Source; a.Notes = r.Notes;
        foreach (var gone in a.Parties.Where(p => !target.Parties.Contains(p.PartnerId)).ToList())
        {
            a.Parties.Remove(gone);
            db.AgreementParties.Remove(gone);
        }
        for (var i = 0; i < target.Parties.Count; i++)
        {
            var party = a.Parties.FirstOrDefault(p => p.PartnerId == target.Parties[i]);
            if (party is null) a.Parties.Add(party = new AgreementParty { PartnerId = target.Parties[i] });
            if (party.Order != i + 1) party.Order = i + 1;
        }
    }

    private static List<FieldChange> Diff(Agreement s, AgreementRow r, Resolved target)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, before, after));
        }
        static string? Date(DateOnly? d) => d is { } x ? IsoDate.Format(x) : null;
        Compare("type", Codes<AgreementType>.ToCode(s.Type), Codes<AgreementType>.ToCode(r.Type));
        Compare("channel", s.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null, r.Channel is { } rc ? Codes<ActivityChannel>.ToCode(rc) : null);
        Compare("title_vi", s.TitleVi, r.TitleVi);
        Compare("title_en", s.TitleEn, r.TitleEn);
        Compare("parties", string.Join(';', s.Parties.OrderBy(p => p.Order).Select(p => p.PartnerId)), string.Join(';', target.Parties));
        Compare("our_signatory", s.OurSignatory, r.OurSignatory);
        Compare("their_signatory", s.TheirSignatory, r.TheirSignatory);
        Compare("signed_date", Date(s.SignedDate), Date(r.SignedDate));
        Compare("signed_place", s.SignedPlace, r.SignedPlace);
        Compare("activity_id", s.ActivityId?.ToString(), target.ActivityId?.ToString());
        Compare("entry_into_force", Date(s.EntryIntoForce), Date(r.EntryIntoForce));
        Compare("expiry_date", Date(s.ExpiryDate), Date(r.ExpiryDate));
        if (s.Actions.Count == 0) Compare("status", Codes<AgreementStatus>.ToCode(s.Status), Codes<AgreementStatus>.ToCode(r.Status));
        Compare("themes", s.Themes, AgreementRules.JoinThemes(r.Themes));
        Compare("owner_unit", s.OwnerUnitId?.ToString(), target.UnitId?.ToString());
        Compare("classification", s.Classification.ToCode(), target.Level.ToCode());
        Compare("source", s.Sources, r.Source);
        Compare("notes", s.Notes, r.Notes);
        return changes;
    }
}
