using System.Globalization;
using Chancery.Web.Activities;
using Chancery.Web.Agreements;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Commitments.Import;

public sealed record CommitmentRow(
    string Id, string? AgreementId, string? ActivityId, string Partner, CommitmentDirection Direction, CommitmentSector Sector, string Title,
    decimal? Amount, string? Unit, DateOnly PledgedDate, DateOnly? DueDate, string? OwnerUnit, CommitmentStatus Status,
    IReadOnlyList<string> Themes, ClassificationLevel? Classification, string? Source, string? Notes);

/// <summary>commitments.csv: one commitment a row, keyed by <c>id</c> (a second import of the same file
/// changes nothing). Agreements, activities and owner units are named by their file id or code and must
/// be stored already, and visible to the importer. The status is taken as the file states it (a file
/// records history, it does not replay the workflow).</summary>
public sealed class CommitmentImportDefinition(ChanceryDbContext db, IStringLocalizer<CommitmentsText> words, IStringLocalizer<SharedText> shared)
    : WholeFileImportDefinition<CommitmentRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "jetp-2022"), new("agreement_id"), new("activity_id"),
        new("partner", Required: true, Example: "USA"), new("direction", Example: "inbound"), new("sector", Required: true, Example: "investment"),
        new("title", Required: true, Example: "Đầu tư vào năng lượng tái tạo"), new("amount", Example: "1500000"), new("unit", Example: "USD"),
        new("pledged_date", Required: true, Example: "2022-12-14"), new("due_date", Example: "2027-12-31"), new("owner_unit"),
        new("status", Example: "open"), new("themes", Example: "new_energy"), new("classification", Example: "public"),
        new("source", Example: "https://example.org/statement"), new("notes"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override CommitmentRow? Parse(ImportRowReader row)
    {
        var id = row.Required("id");
        var partner = row.Required("partner").ToUpperInvariant();
        var direction = row.Code<CommitmentDirection>("direction", false, Codes<CommitmentDirection>.TryParse, Codes<CommitmentDirection>.All);
        var sector = row.Code<CommitmentSector>("sector", true, Codes<CommitmentSector>.TryParse, Codes<CommitmentSector>.All);
        var title = row.Required("title");
        var amount = ImportNumbers.Decimal(row, "amount");
        var unitText = row.Optional("unit");
        var unit = CommitmentUnits.Normalise(unitText);
        if (unitText is not null && unit is null)
            row.Problem("unit", new ImportReason(CommitmentErrors.UnknownUnit, unitText, string.Join(", ", CommitmentUnits.Counts)));
        if (amount is { } a)
        {
            if (a <= 0) row.Problem("amount", new ImportReason(CommitmentErrors.AmountNotPositive));
            else if (unitText is null) row.Problem("unit", new ImportReason(CommitmentErrors.AmountNeedsUnit));
        }
        var pledged = row.Date("pledged_date", true);
        var due = row.Date("due_date", false);
        if (pledged is { } p && due is { } d && d < p) row.Problem("due_date", new ImportReason(CommitmentErrors.DueBeforePledge));
        var status = row.Code<CommitmentStatus>("status", false, Codes<CommitmentStatus>.TryParse, Codes<CommitmentStatus>.All);
        var themes = row.List("themes").Select(t => t.ToLowerInvariant()).ToList();
        foreach (var t in themes.Where(t => !ActivityThemes.All.Contains(t)))
            row.Problem("themes", new ImportReason(CommitmentErrors.UnknownTheme, t));
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        var source = row.Optional("source");
        var agreement = row.Optional("agreement_id");
        var activity = row.Optional("activity_id");
        if (agreement is null && activity is null && source is null) row.Problem("source", new ImportReason(CommitmentErrors.NeedsOrigin));
        return new CommitmentRow(id, agreement, activity, partner, direction ?? CommitmentDirection.Inbound, sector ?? CommitmentSector.Other,
            title, amount, unit, pledged ?? default, due, row.Optional("owner_unit"), status ?? CommitmentStatus.Open, themes, classification,
            source, row.Optional("notes"));
    }

    public override string KeyOf(CommitmentRow row) => row.Id;

    private sealed record Target(Commitment? Stored, int? AgreementId, int? ActivityId, int? OwnerUnitId, ClassificationLevel Level);

    public override async Task<IReadOnlyList<PlannedRow<CommitmentRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<CommitmentRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        List<string> Refs(Func<CommitmentRow, string?> pick) => rows.Select(r => pick(r.Value)).OfType<string>().Distinct().ToList();
        var agreementRefs = Refs(r => r.AgreementId);
        var activityRefs = Refs(r => r.ActivityId);
        var unitCodes = Refs(r => r.OwnerUnit?.ToUpperInvariant());
        var partnerCodes = Refs(r => r.Partner);
        var ids = Refs(r => r.Id);
        // Through the classification filter: an agreement or activity the importer cannot see is unknown to them.
        var agreements = await db.Agreements.AsNoTracking().Where(a => EF.Parameter(agreementRefs).Contains(a.ExternalRef)).ToDictionaryAsync(a => a.ExternalRef, a => a.Id, ct);
        var activities = await db.Activities.AsNoTracking().Where(a => activityRefs.Contains(a.ExternalRef)).ToDictionaryAsync(a => a.ExternalRef, a => a.Id, ct);
        var units = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var partners = (await db.Partners.AsNoTracking().Where(p => partnerCodes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        // Stored commitments are matched whatever their level, so a hidden one is refused rather than duplicated.
        var stored = await db.Commitments.IgnoreQueryFilters().Where(c => EF.Parameter(ids).Contains(c.ExternalRef)).ToDictionaryAsync(c => c.ExternalRef, ct);
        var clearance = db.Clearance;

        var plan = new List<PlannedRow<CommitmentRow>>(rows.Count);
        foreach (var row in rows)
        {
            var r = row.Value;
            var ok = true;
            void Unknown(string column, string code, string value) { problems.Add(row.Line, column, new ImportReason(code, value)); ok = false; }
            if (r.Partner.Length > 0 && !partners.Contains(r.Partner)) Unknown("partner", CommitmentErrors.UnknownPartner, r.Partner);
            int? agreementId = null, activityId = null, unitId = null;
            if (r.AgreementId is { } ar) { if (agreements.TryGetValue(ar, out var x)) agreementId = x; else Unknown("agreement_id", "UnknownAgreementRef", ar); }
            if (r.ActivityId is { } vr) { if (activities.TryGetValue(vr, out var x)) activityId = x; else Unknown("activity_id", "UnknownActivityRef", vr); }
            if (r.OwnerUnit is { } ur) { if (units.TryGetValue(ur.ToUpperInvariant(), out var x)) unitId = x; else Unknown("owner_unit", "UnknownUnitRef", ur); }
            stored.TryGetValue(r.Id, out var existing);
            if (existing is not null && existing.Classification > clearance)
            {
                problems.Add(row.Line, null, ImportReasons.Unavailable());
                continue;
            }
            var level = problems.Classification(row.Line, r.Classification, clearance, existing?.Classification, ClassificationLevel.Internal);
            if (level is null || !ok || row.Flawed) continue;
            var target = new Target(existing, agreementId, activityId, unitId, level.Value);
            if (existing is null)
            {
                plan.Add(new PlannedRow<CommitmentRow>(row.Line, row.Key, ImportAction.Create, r, []) { Target = target });
                continue;
            }
            var changes = Diff(existing, r, target);
            plan.Add(new PlannedRow<CommitmentRow>(row.Line, row.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, r, changes) { Target = target });
        }
        return plan;
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<CommitmentRow>> plan, CancellationToken ct)
    {
        foreach (var row in plan.Where(p => p.Action != ImportAction.Unchanged))
        {
            var target = (Target)row.Target!;
            var c = target.Stored ?? db.Commitments.Add(new Commitment { ExternalRef = row.Value.Id, PartnerCode = "", Title = "" }).Entity;
            CopyTo(row.Value, target, c);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void CopyTo(CommitmentRow r, Target t, Commitment c)
    {
        c.AgreementId = t.AgreementId;
        c.ActivityId = t.ActivityId;
        c.PartnerCode = r.Partner;
        c.Direction = r.Direction;
        c.Sector = r.Sector;
        c.Title = r.Title;
        c.Amount = r.Amount;
        c.Unit = r.Unit;
        c.PledgedDate = r.PledgedDate;
        c.DueDate = r.DueDate;
        c.OwnerUnitId = t.OwnerUnitId;
        c.Status = r.Status;
        c.Themes = Activity.JoinThemes(r.Themes);
        c.Classification = t.Level;
        c.Sources = r.Source;
        c.Notes = r.Notes;
    }

    private static List<FieldChange> Diff(Commitment s, CommitmentRow r, Target t)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, before, after));
        }
        static string? Num(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);
        Compare("agreement_id", s.AgreementId?.ToString(CultureInfo.InvariantCulture), t.AgreementId?.ToString(CultureInfo.InvariantCulture));
        Compare("activity_id", s.ActivityId?.ToString(CultureInfo.InvariantCulture), t.ActivityId?.ToString(CultureInfo.InvariantCulture));
        Compare("partner", s.PartnerCode, r.Partner);
        Compare("direction", Codes<CommitmentDirection>.ToCode(s.Direction), Codes<CommitmentDirection>.ToCode(r.Direction));
        Compare("sector", Codes<CommitmentSector>.ToCode(s.Sector), Codes<CommitmentSector>.ToCode(r.Sector));
        Compare("title", s.Title, r.Title);
        Compare("amount", Num(s.Amount), Num(r.Amount));
        Compare("unit", s.Unit, r.Unit);
        Compare("pledged_date", IsoDate.Format(s.PledgedDate), IsoDate.Format(r.PledgedDate));
        Compare("due_date", s.DueDate is { } sd ? IsoDate.Format(sd) : null, r.DueDate is { } rd ? IsoDate.Format(rd) : null);
        Compare("owner_unit", s.OwnerUnitId?.ToString(CultureInfo.InvariantCulture), t.OwnerUnitId?.ToString(CultureInfo.InvariantCulture));
        Compare("status", Codes<CommitmentStatus>.ToCode(s.Status), Codes<CommitmentStatus>.ToCode(r.Status));
        Compare("themes", s.Themes, Activity.JoinThemes(r.Themes));
        Compare("classification", s.Classification.ToCode(), t.Level.ToCode());
        Compare("source", s.Sources, r.Source);
        Compare("notes", s.Notes, r.Notes);
        return changes;
    }

    public override ImportRowSummary Describe(PlannedRow<CommitmentRow> row) => new(IsoDate.Format(row.Value.PledgedDate), row.Value.Title);

    public override async Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).Select(u => new { u.Code, u.NameVi, u.NameEn }).ToListAsync(ct);
        var vi = LocalizationSetup.IsVietnamese;
        return
        [
            new("partner", [.. partners.Select(p => new ImportCode(p.Code, vi ? p.NameVi : p.NameEn))]),
            new("direction", [.. Codes<CommitmentDirection>.All.Select(c => new ImportCode(c, words["Direction_" + c]))]),
            new("sector", [.. Codes<CommitmentSector>.All.Select(c => new ImportCode(c, words["Sector_" + c]))]),
            new("unit", [.. CommitmentUnits.Counts.Select(c => new ImportCode(c, words["Count_" + c]))]),
            new("status", [.. Codes<CommitmentStatus>.All.Select(c => new ImportCode(c, words["Status_" + c]))]),
            new("owner_unit", [.. units.Select(u => new ImportCode(u.Code, vi ? u.NameVi : u.NameEn))]),
            new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))]),
        ];
    }
}

/// <summary>Numbers in the interchange files: '.' as the decimal separator, whatever the reader's culture.</summary>
internal static class ImportNumbers
{
    public static decimal? Decimal(ImportRowReader row, string column, bool required = false)
    {
        var text = required ? row.Required(column) : row.Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        row.Problem(column, new ImportReason("NotANumber", text));
        return null;
    }
}
