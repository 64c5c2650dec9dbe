using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.Common.Search;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>activities.csv (DOMAIN "Interchange formats"), keyed by its id column. Built for bulk
/// (100,000 rows at national scale): reference lookups are loaded once into dictionaries and new
/// activities are written with the provider's bulk path (see <see cref="ApplyAsync"/>).</summary>
public sealed class ActivityImportDefinition(ChanceryDbContext db, TimeProvider clock) : ImportDefinition<ActivityRow>
{
    public static readonly IReadOnlyList<ImportColumn> Format =
    [
        new("id", Required: true), new("kind", Required: true), new("date_start", Required: true), new("date_end"),
        new("status"), new("leader_role", Required: true), new("leader_name"), new("direction"), new("countries_iso3"),
        new("counterpart_name"), new("counterpart_role"), new("host_or_venue"), new("title"), new("part_of"),
        new("channel"), new("classification"), new("source"), new("notes"),
    ];

    public override IReadOnlyList<ImportColumn> Columns => Format;

    public override ActivityRow? Parse(ImportRowReader row)
    {
        var id = row.Required("id");
        var kind = row.Code<ActivityKind>("kind", true, Codes<ActivityKind>.TryParse, Codes<ActivityKind>.All);
        var start = row.Date("date_start", true);
        var end = row.Date("date_end", false);
        if (start is not null && end is not null && end < start)
            row.Problem("date_end", $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
        var status = row.Code<ActivityStatus>("status", false, Codes<ActivityStatus>.TryParse, Codes<ActivityStatus>.All);
        var direction = row.Code<ActivityDirection>("direction", false, Codes<ActivityDirection>.TryParse, Codes<ActivityDirection>.All);
        if (kind is { } k && direction is { } d && !k.Agrees(d))
            row.Problem("direction", $"'{Codes<ActivityDirection>.ToCode(d)}' contradicts the kind '{Codes<ActivityKind>.ToCode(k)}', which is {Codes<ActivityDirection>.ToCode(k.RequiredDirection()!.Value)}.");
        var channel = row.Code<ActivityChannel>("channel", false, Codes<ActivityChannel>.TryParse, Codes<ActivityChannel>.All);
        var classification = row.Code<ClassificationLevel>("classification", false, ClassificationLevels.TryParse, ClassificationLevels.Codes);
        var leaderRole = row.Required("leader_role");
        var countries = CountryCodes(row.List("countries_iso3"));
        if (row.HasProblems || kind is null || start is null) return null;
        return new ActivityRow(id, kind.Value, start.Value, end ?? start.Value, status ?? ActivityStatus.Completed,
            leaderRole, row.Optional("leader_name"), direction ?? kind.Value.DefaultDirection(), countries,
            row.Optional("counterpart_name"), row.Optional("counterpart_role"), row.Optional("host_or_venue"),
            row.Optional("title"), row.Optional("part_of"), channel, classification ?? ClassificationLevel.Internal,
            row.Optional("source"), row.Optional("notes"));
    }

    public override string KeyOf(ActivityRow row) => row.Id;

    // One string per country code for the whole file, not one per row (100,000 rows are kept until stored).
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

    public override async Task<IReadOnlyList<PlannedRow<ActivityRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<ActivityRow>> rows, ImportProblems problems, CancellationToken ct)
    {
        var offices = await OfficeResolver.LoadAsync(db, ct);
        // Each role text is resolved once: a file repeats a few hundred office names on every row.
        var officeByText = new Dictionary<(string, OfficeSide), Office?>();
        Office? Resolve(string? text, OfficeSide side)
        {
            if (text is null) return null;
            if (!officeByText.TryGetValue((text, side), out var office)) officeByText[(text, side)] = office = offices.Resolve(text, side);
            return office;
        }
        var countries = (await db.Partners.IgnoreQueryFilters().Where(p => p.Kind == PartnerKind.Country)
            .Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = rows.Select(r => r.Key).ToList();
        var inFile = ids.ToHashSet();
        // IgnoreQueryFilters: a row must match a stored activity even when the importer cannot see it,
        // or it would be duplicated; such rows are refused instead.
        // EF.Parameter: one array/JSON parameter, not one parameter per id (SQLite allows 32,766).
        var existing = await db.Activities.IgnoreQueryFilters().Include(a => a.Legs)
            .Include(a => a.LeadPerson).Include(a => a.CounterpartPerson).Include(a => a.PartOf)
            .Where(a => EF.Parameter(ids).Contains(a.ExternalRef)).AsSplitQuery().ToDictionaryAsync(a => a.ExternalRef, ct);
        var partOfRefs = rows.Select(r => r.Value.PartOf).OfType<string>().Distinct().Where(p => !inFile.Contains(p)).ToList();
        var storedParents = (await db.Activities.IgnoreQueryFilters().Where(a => EF.Parameter(partOfRefs).Contains(a.ExternalRef))
            .Select(a => a.ExternalRef).ToListAsync(ct)).ToHashSet();
        var clearance = db.Clearance;

        var plan = new List<PlannedRow<ActivityRow>>(rows.Count);
        foreach (var parsed in rows)
        {
            var row = parsed.Value;
            var before = problems.Items.Count;
            foreach (var code in row.Countries)
                if (!countries.Contains(code)) problems.Add(parsed.Line, "countries_iso3", $"Unknown country code '{code}'.");
            var leaderOffice = Resolve(row.LeaderRole, OfficeSide.Domestic);
            if (leaderOffice is null)
                problems.Add(parsed.Line, "leader_role", $"'{row.LeaderRole}' is not an office we know on our side.");
            if (row.PartOf is { } parent && !inFile.Contains(parent) && !storedParents.Contains(parent))
                problems.Add(parsed.Line, "part_of", $"'{parent}' is neither an id in this file nor a stored activity.");
            if (row.PartOf == row.Id)
                problems.Add(parsed.Line, "part_of", "An activity cannot be part of itself.");
            if (row.Classification > clearance)
                problems.Add(parsed.Line, "classification", "You cannot import a record above your own clearance.");
            if (problems.Items.Count > before) continue;

            row.LeaderOfficeId = leaderOffice!.Id;
            row.CounterpartOfficeId = Resolve(row.CounterpartRole, OfficeSide.Foreign)?.Id;
            if (!existing.TryGetValue(row.Id, out var stored))
            {
                plan.Add(new PlannedRow<ActivityRow>(parsed.Line, parsed.Key, ImportAction.Create, row, []));
                continue;
            }
            if (stored.Classification > clearance)
            {
                problems.Add(parsed.Line, "id", "This activity exists but you are not cleared to change it.");
                continue;
            }
            var changes = ActivityRowDiff.Between(stored, row);
            plan.Add(new PlannedRow<ActivityRow>(parsed.Line, parsed.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, row, changes) { Target = stored });
        }
        return plan;
    }

    /// <summary>Stores inside the pipeline's transaction. New people and their office periods are
    /// written in bulk (<see cref="PeopleDirectory"/>). New activities, their legs and their audit
    /// entries are written in bulk too (<see cref="BulkInsert"/>, <see cref="BulkAudit"/>): keys are
    /// reserved first, so legs and part_of links (even to a later row of the file) are set before
    /// anything is written. Each of the three is a stream of rows built as they are written (one
    /// activity at a time, not a list of 100,000 entities with their search texts and audit texts).
    /// Updated activities (rare: a re-import) go through the DbContext.</summary>
    public override async Task ApplyAsync(IReadOnlyList<PlannedRow<ActivityRow>> plan, CancellationToken ct)
    {
        var work = plan.Where(p => p.Action != ImportAction.Unchanged).ToList();
        var people = await PeopleDirectory.LoadAsync(db, work.Select(p => p.Value), ct);
        var parentRefs = work.Select(p => p.Value.PartOf).OfType<string>().Distinct().ToList();
        var idsByRef = await db.Activities.IgnoreQueryFilters().Where(a => EF.Parameter(parentRefs).Contains(a.ExternalRef))
            .Select(a => new { a.ExternalRef, a.Id }).ToDictionaryAsync(a => a.ExternalRef, a => a.Id, ct);

        var leads = new Person?[work.Count];
        var counterparts = new Person?[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            var row = work[i].Value;
            leads[i] = row.LeaderName is null ? null
                : people.Observe(OfficeSide.Domestic, row.LeaderName, row.LeaderOfficeId, row.LeaderRole, row.DateStart, null);
            counterparts[i] = row.CounterpartName is null ? null
                : people.Observe(OfficeSide.Foreign, row.CounterpartName, row.CounterpartOfficeId, row.CounterpartRole, row.DateStart,
                    row.Kind.IsOutgoingVisit() || row.Countries.Count != 1 ? null : row.Countries[0]);
        }
        var audit = new BulkAudit(clock);
        await people.StoreAsync(db, audit, ct);

        var creates = Enumerable.Range(0, work.Count).Where(i => work[i].Action == ImportAction.Create).ToList();
        var updates = Enumerable.Range(0, work.Count).Where(i => work[i].Action == ImportAction.Update).ToList();
        var activityIds = await BulkInsert.ReserveIdsAsync<Activity>(db, creates.Count, ct);
        var idOf = new int[work.Count];
        for (var c = 0; c < creates.Count; c++) idOf[creates[c]] = (int)activityIds[c];
        foreach (var i in updates) idOf[i] = ((Activity)work[i].Target!).Id;
        // Only the activities something points at need a way from their ref to their id.
        var isParent = parentRefs.ToHashSet();
        for (var i = 0; i < work.Count; i++)
            if (isParent.Contains(work[i].Value.Id)) idsByRef[work[i].Value.Id] = idOf[i];
        int? ParentOf(ActivityRow row) => row.PartOf is { } parent && idsByRef.TryGetValue(parent, out var id) ? id : null;

        void Fill(Activity activity, int i)
        {
            var row = work[i].Value;
            row.CopyTo(activity);
            activity.LeadPersonId = leads[i]?.Id;
            activity.CounterpartPersonId = counterparts[i]?.Id;
            activity.NamesForSearch = $"{leads[i]?.FullName} {counterparts[i]?.FullName}";
            activity.PartOfId = ParentOf(row);
        }
        Activity NewActivity(int i)
        {
            var row = work[i].Value;
            var activity = new Activity { ExternalRef = row.Id, Id = idOf[i] };
            Fill(activity, i);
            for (var l = 0; l < row.Countries.Count; l++)
                activity.Legs.Add(new ActivityLeg { ActivityId = activity.Id, CountryIso3 = row.Countries[l], Order = l + 1 });
            return activity;
        }
        IEnumerable<ActivityLeg> NewLegs()
        {
            foreach (var i in creates)
            {
                var countries = work[i].Value.Countries;
                for (var l = 0; l < countries.Count; l++)
                    yield return new ActivityLeg { ActivityId = idOf[i], CountryIso3 = countries[l], Order = l + 1 };
            }
        }

        var folding = new TextFoldingCache();
        await BulkInsert.PrepareAsync(db, ct);

        await BulkInsert.InsertAsync(db, creates.Select(i =>
        {
            var activity = NewActivity(i);
            activity.SearchText = activity.BuildSearchText(folding.Fold);
            return activity;
        }), ct);
        // Nothing points at a leg: the database numbers them.
        await BulkInsert.InsertAsync(db, NewLegs(), ct, keysFromDatabase: true);
        await audit.RecordCreatedAsync(db, creates.Count, creates.Select(NewActivity),
            (a, json) => json.Created("Countries", string.Join(';', a.Legs.Select(l => l.CountryIso3))), ct);

        if (updates.Count == 0) return;
        await WithoutAutoDetect(() =>
        {
            foreach (var i in updates)
            {
                var row = work[i].Value;
                var activity = (Activity)work[i].Target!;
                db.ActivityLegs.RemoveRange(activity.Legs);
                activity.Legs = [];
                Fill(activity, i);
                for (var l = 0; l < row.Countries.Count; l++)
                    activity.Legs.Add(new ActivityLeg { CountryIso3 = row.Countries[l], Order = l + 1 });
            }
        }, ct);
    }

    private async Task WithoutAutoDetect(Action add, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try { add(); }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = true; }
        await db.SaveChangesAsync(ct);
    }
}
