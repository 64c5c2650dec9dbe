using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Partners;

/// <summary>partnerships.csv: one framework event per row, keyed by partner, level and date (the
/// DOMAIN format has no id column), so the same file imported twice changes nothing.</summary>
public sealed class PartnershipImportDefinition(ChanceryDbContext db, IStringLocalizer<PartnersText> words, IStringLocalizer<SharedText> shared)
    : WholeFileImportDefinition<PartnershipRow>
{
    // The examples make the template's row, which imports as it is (a test imports the template).
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("partner_iso3", Required: true, Example: "NOR"), new("partner_name", Example: "Na Uy"),
        new("level", Required: true, Example: "comprehensive"), new("established_date", Required: true, Example: "2024-05"),
        new("previous_level"), new("source", Example: "Tuyên bố chung"), new("notes"),
        new("official_name", Example: "Quan hệ Đối tác toàn diện"), new("announced_by"), new("classification", Example: "public"),
    ];

    // The partners' names in the reader's language, by code, as the last plan found them (for the preview).
    private readonly Dictionary<string, string> _partnerNames = new(StringComparer.OrdinalIgnoreCase);

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override PartnershipRow? Parse(ImportRowReader row)
    {
        var code = row.Required("partner_iso3").ToUpperInvariant();
        var level = row.Code<RelationLevel>("level", true, RelationLevels.TryParse, RelationLevels.Codes);
        var dateText = row.Required("established_date");
        PartialDate date = default;
        if (dateText.Length > 0 && !PartialDate.TryParse(dateText, out date))
            row.Problem("established_date", ImportReasons.DateNotPartial(dateText));
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        // A row with wrong cells is still returned (stand-ins for them) so that its partner is checked too.
        return new PartnershipRow(code, row.Optional("partner_name"), level ?? default, date, row.Optional("previous_level"),
            row.Optional("source"), row.Optional("notes"), row.Optional("official_name"), row.Optional("announced_by"),
            classification);
    }

    // A flawed row's level may be the stand-in (no level at all).
    public override string KeyOf(PartnershipRow row) =>
        $"{row.PartnerCode}/{(Enum.IsDefined(row.Level) ? row.Level.ToCode() : "?")}/{row.When.ToIso()}";

    public override async Task<IReadOnlyList<PlannedRow<PartnershipRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<PartnershipRow>> rows, ImportProblems problems, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Value.PartnerCode).Distinct().ToList();
        var partners = await db.Partners.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, cancellationToken);
        var partnerIds = partners.Values.Select(p => p.Id).ToList();
        // IgnoreQueryFilters: an import must match an existing event even when the importer cannot
        // see it or it is in the bin, or it would create a duplicate; such rows are refused instead.
        var existing = await db.FrameworkEvents.IgnoreQueryFilters()
            .Where(e => partnerIds.Contains(e.PartnerId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(e => (e.PartnerId, e.Level, e.Date));
        var clearance = db.Clearance;

        var plan = new List<PlannedRow<PartnershipRow>>(rows.Count);
        foreach (var row in rows)
        {
            if (!partners.TryGetValue(row.Value.PartnerCode, out var partner))
            {
                // An empty code is already a Required problem of the row.
                if (row.Value.PartnerCode.Length > 0)
                    problems.Add(row.Line, "partner_iso3", ImportReasons.UnknownPartner(row.Value.PartnerCode));
                continue;
            }
            _partnerNames[partner.Code] = LocalizationSetup.IsVietnamese ? partner.NameVi : partner.NameEn;
            // A flawed row's level or date may be a stand-in: it cannot name a stored event, but the
            // level it asks for is still checked against the importer's clearance.
            FrameworkEvent? stored = null;
            if (!row.Flawed) byKey.TryGetValue((partner.Id, row.Value.Level, row.Value.When.FirstDay), out stored);
            // Above the importer, or in the bin (it comes back only through the bin's restore): refused
            // in the words of any value that cannot be used, so the refusal does not tell which.
            if (StoredKey.IsOutOfReach(stored, clearance))
            {
                problems.Add(row.Line, null, ImportReasons.Unavailable());
                continue;
            }
            // A row that leaves the level out keeps the stored event's; a new one is Public.
            var level = problems.Classification(row.Line, row.Value.Classification, clearance, stored?.Classification, ClassificationLevel.Public);
            if (level is null || row.Flawed) continue;
            var value = row.Value with { Classification = level };
            if (stored is null)
            {
                plan.Add(new PlannedRow<PartnershipRow>(row.Line, row.Key, ImportAction.Create, value, []) { Target = partner });
                continue;
            }
            var changes = Diff(stored, value);
            plan.Add(new PlannedRow<PartnershipRow>(row.Line, row.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, value, changes) { Target = stored });
        }
        return plan;
    }

    /// <summary>The preview names a row by its partner and the level it reached, on its date.</summary>
    public override ImportRowSummary Describe(PlannedRow<PartnershipRow> row) =>
        new(row.Value.When.ToIso(), $"{_partnerNames.GetValueOrDefault(row.Value.PartnerCode, row.Value.PartnerCode)}: {words["Level_" + row.Value.Level.ToCode()]}");

    /// <summary>The partners the importer may see, the levels and the classification levels, named in the current culture.</summary>
    public override async Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.NameVi, p.NameEn }).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return
        [
            new("partner_iso3", [.. partners.Select(p => new ImportCode(p.Code, vietnamese ? p.NameVi : p.NameEn))
                .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))]),
            new("level", [.. RelationLevels.Codes.Select(c => new ImportCode(c, words["Level_" + c]))]),
            new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))]),
        ];
    }

    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<PartnershipRow>> plan, CancellationToken cancellationToken)
    {
        foreach (var row in plan)
        {
            switch (row.Action)
            {
                case ImportAction.Create:
                    var created = new FrameworkEvent { PartnerId = ((Partner)row.Target!).Id };
                    row.Value.CopyTo(created);
                    db.FrameworkEvents.Add(created);
                    break;
                case ImportAction.Update:
                    row.Value.CopyTo((FrameworkEvent)row.Target!);
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<FieldChange> Diff(FrameworkEvent stored, PartnershipRow row)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, before, after));
        }
        Compare("established_date", stored.When.ToIso(), row.When.ToIso());
        Compare("previous_level", stored.PreviousLevel, row.PreviousLevel);
        Compare("source", stored.Source, row.Source);
        Compare("notes", stored.Notes, row.Notes);
        Compare("official_name", stored.OfficialName, row.OfficialName);
        Compare("announced_by", stored.AnnouncedBy, row.AnnouncedBy);
        Compare("classification", stored.Classification.ToString(), (row.Classification ?? stored.Classification).ToString());
        return changes;
    }
}

public sealed record PartnershipRow(
    string PartnerCode, string? PartnerName, RelationLevel Level, PartialDate When, string? PreviousLevel,
    string? Source, string? Notes, string? OfficialName, string? AnnouncedBy,
    ClassificationLevel? Classification)
{
    /// <summary>Sets the row's values on an event; a row that leaves the level out keeps the event's.</summary>
    public void CopyTo(FrameworkEvent e)
    {
        e.Level = Level;
        e.When = When;
        e.PreviousLevel = PreviousLevel;
        e.Source = Source;
        e.Notes = Notes;
        e.OfficialName = OfficialName;
        e.AnnouncedBy = AnnouncedBy;
        if (Classification is { } level) e.Classification = level;
    }
}
