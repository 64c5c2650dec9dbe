using Chancery.Web.Common.Api;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Activities;

/// <summary>activities.csv (DOMAIN "Interchange formats"), keyed by its id column. Built for bulk
/// (100,000 rows at national scale): checked and stored in batches by <see cref="ActivityImportRun"/>.</summary>
public sealed class ActivityImportDefinition(ChanceryDbContext db, TimeProvider clock, IOptions<ImportOptions> options) : ImportDefinition<ActivityRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true), new("kind", Required: true), new("date_start", Required: true), new("date_end"),
        new("status"), new("leader_role", Required: true), new("leader_name"), new("direction"), new("countries_iso3"),
        new("counterpart_name"), new("counterpart_role"), new("host_or_venue"), new("title"), new("part_of"),
        new("channel"), new("classification"), new("source"), new("notes"), new("leader_office_change"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

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
        if (row.HasProblems || kind is null || start is null) return null;
        return new ActivityRow(id, kind.Value, start.Value, end ?? start.Value, status ?? ActivityStatus.Completed,
            leaderRole, row.Optional("leader_name"), direction ?? kind.Value.DefaultDirection(), countries,
            row.Optional("counterpart_name"), row.Optional("counterpart_role"), row.Optional("host_or_venue"),
            row.Optional("title"), row.Optional("part_of"), channel, classification,
            row.Optional("source"), row.Optional("notes")) { LeaderOfficeChange = officeChange };
    }

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
