using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Localization;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Activities;

/// <summary>activities.csv (DOMAIN "Interchange formats"), keyed by its id column. Built for bulk
/// (100,000 rows at national scale): checked and stored in batches by <see cref="ActivityImportRun"/>.</summary>
public sealed class ActivityImportDefinition(ChanceryDbContext db, TimeProvider clock, IOptions<ImportOptions> options,
    IStringLocalizer<ActivitiesText> words, IStringLocalizer<SharedText> shared) : ImportDefinition<ActivityRow>
{
    // The examples make the template's row, which imports as it is (a test imports the template).
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true, Example: "example-2025-001"), new("kind", Required: true, Example: "official_visit"),
        new("date_start", Required: true, Example: "2025-03-10"), new("date_end", Example: "2025-03-12"),
        new("status", Example: "completed"), new("leader_role", Required: true, Example: "Thủ tướng Chính phủ"),
        new("leader_name", Example: "Nguyễn Văn An"), new("direction", Example: "outgoing"), new("countries_iso3", Example: "FRA;DEU"),
        new("counterpart_name"), new("counterpart_role", Example: "President"), new("host_or_venue", Example: "Paris"),
        new("title", Example: "Thăm chính thức Pháp và Đức"), new("part_of"),
        new("channel", Example: "government"), new("classification", Example: "internal"), new("source", Example: "Cổng TTĐT Chính phủ"),
        new("notes"), new("leader_office_change"),
        // Last, so files written before it existed keep their columns where they were.
        new("title_en", Example: "Official visit to France and Germany"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    /// <summary>Every cell is checked whatever the others hold; a wrong cell leaves a stand-in, the row is
    /// returned for the run's checks (its countries, its office, its parent) and never stored.</summary>
    public override ActivityRow? Parse(ImportRowReader row)
    {
        var id = row.Required("id");
        var kind = row.Code<ActivityKind>("kind", true, Codes<ActivityKind>.TryParse, Codes<ActivityKind>.All);
        var start = row.Date("date_start", true);
        var end = row.Date("date_end", false);
        if (start is not null && end is not null && end < start)
            row.Problem("date_end", ImportReasons.EndBeforeStart(end.Value, start.Value));
        var status = row.Code<ActivityStatus>("status", false, Codes<ActivityStatus>.TryParse, Codes<ActivityStatus>.All);
        var direction = row.Code<ActivityDirection>("direction", false, Codes<ActivityDirection>.TryParse, Codes<ActivityDirection>.All);
        if (kind is { } k && direction is { } d && !k.Agrees(d))
            row.Problem("direction", ImportReasons.DirectionContradictsKind(Codes<ActivityDirection>.ToCode(d), Codes<ActivityKind>.ToCode(k),
                Codes<ActivityDirection>.ToCode(k.RequiredDirection()!.Value)));
        var channel = row.Code<ActivityChannel>("channel", false, Codes<ActivityChannel>.TryParse, Codes<ActivityChannel>.All);
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        var leaderRole = row.Required("leader_role");
        var countries = CountryCodes(row.List("countries_iso3"));
        var officeChange = row.Code<LeaderOfficeChange>("leader_office_change", false, Codes<LeaderOfficeChange>.TryParse, Codes<LeaderOfficeChange>.All);
        return new ActivityRow(id, kind ?? default, start ?? default, end ?? start ?? default, status ?? ActivityStatus.Completed,
            leaderRole, row.Optional("leader_name"), direction ?? kind?.DefaultDirection() ?? ActivityDirection.None, countries,
            row.Optional("counterpart_name"), row.Optional("counterpart_role"), row.Optional("host_or_venue"),
            row.Optional("title"), row.Optional("part_of"), channel, classification,
            row.Optional("source"), row.Optional("notes")) { LeaderOfficeChange = officeChange, TitleEn = row.Optional("title_en") };
    }

    /// <summary>The preview names a row by its dates and its title (its kind when it has none).</summary>
    public override ImportRowSummary Describe(PlannedRow<ActivityRow> row)
    {
        var a = row.Value;
        var date = a.DateEnd == a.DateStart ? IsoDate.Format(a.DateStart) : $"{IsoDate.Format(a.DateStart)} – {IsoDate.Format(a.DateEnd)}";
        return new(date, ActivityTitles.Shown(a.Title, a.TitleEn)?.Text ?? words["Kind_" + Codes<ActivityKind>.ToCode(a.Kind)]);
    }

    /// <summary>Kinds, statuses, directions, channels, levels, countries and our side's offices, named in
    /// the current culture.</summary>
    public override async Task<IReadOnlyList<ImportCodeList>> AllowedCodesAsync(CancellationToken ct)
    {
        var countries = await PartnerCountryNames.LoadAsync(db, ct);
        var offices = await db.Offices.AsNoTracking().Where(o => o.Side == OfficeSide.Domestic)
            .OrderBy(o => o.Tier).ThenBy(o => o.Id).ToListAsync(ct);
        var vietnamese = LocalizationSetup.IsVietnamese;
        return
        [
            Named<ActivityKind>("kind", "Kind_"),
            Named<ActivityStatus>("status", "Status_"),
            Named<ActivityDirection>("direction", "Direction_"),
            new("leader_role", [.. offices.Select(o => vietnamese ? new ImportCode(o.NameVi, o.NameEn) : new ImportCode(o.NameEn, o.NameVi))]),
            new("countries_iso3", [.. countries.Sorted().Select(c => new ImportCode(c.Code, c.Name))]),
            Named<ActivityChannel>("channel", "Channel_"),
            new("classification", [.. ClassificationLevels.Codes.Select(c => new ImportCode(c, shared["Class_" + c]))]),
        ];
    }

    private ImportCodeList Named<T>(string column, string prefix) where T : struct, Enum =>
        new(column, [.. Codes<T>.All.Select(c => new ImportCode(c, words[prefix + c]))]);

    public override string KeyOf(ActivityRow row) => row.Id;

    // One string per country code for the whole file, not one per row.
    private readonly Dictionary<string, string> _countryCodes = new(StringComparer.Ordinal);

    private string[] CountryCodes(IReadOnlyList<string> cell)
    {
        var codes = new string[cell.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!_countryCodes.TryGetValue(cell[i], out var code)) _countryCodes[cell[i]] = code = cell[i].ToUpperInvariant();
            codes[i] = code;
        }
        return codes;
    }

    /// <summary>Rows checked and stored at a time (<see cref="ImportOptions.BatchRows"/>): the file is
    /// stored while the rest of it is still being read, and only a batch is held.</summary>
    public override int BatchSize => Math.Max(1, options.Value.BatchRows);

    public override ImportRun<ActivityRow> Start() => new ActivityImportRun(db, clock);
}
