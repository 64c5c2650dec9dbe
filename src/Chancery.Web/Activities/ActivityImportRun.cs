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

/// <summary>One import of activities.csv, a batch at a time (see <see cref="ImportPipeline"/>).
/// Each batch is checked against the database, then its new people, activities, legs and audit
/// entries are written in bulk (<see cref="BulkInsert"/>, <see cref="BulkAudit"/>) while the next
/// batch is being read. What needs the whole file waits for <see cref="FinishAsync"/>: a part_of
/// naming a row further down, people's office periods (first to last date seen), updates of stored
/// activities (rare: a re-import). Between batches the run keeps only the file's ids and keys
/// (<see cref="ActivityFileKeys"/>), not its rows.</summary>
internal sealed class ActivityImportRun(ChanceryDbContext db, TimeProvider clock) : ImportRun<ActivityRow>
{
    private OfficeResolver? _offices;
    private HashSet<string> _countries = [];
    // Each role text is resolved once: a file repeats a few hundred office names on every row.
    private readonly Dictionary<(string, OfficeSide), Office?> _officeByText = [];
    private readonly ActivityFileKeys _keys = new();
    private readonly List<PendingUpdate> _updates = [];
    private readonly PeopleDirectory _people = new();
    private readonly LeaderOfficeChecks _officeChecks = new();
    private readonly TextFoldingCache _folding = new();
    private readonly BulkAudit _audit = new(clock);
    private bool _prepared;

    private sealed record PendingUpdate(ActivityRow Row, int StoredId, Person? Lead, Person? Counterpart);

    public override async Task<IReadOnlyList<PlannedRow<ActivityRow>>> PlanAsync(
        IReadOnlyList<ParsedRow<ActivityRow>> batch, ImportProblems problems, CancellationToken ct)
    {
        if (batch.Count == 0) return [];
        if (_offices is null)
        {
            _offices = await OfficeResolver.LoadAsync(db, ct);
            // A country classified above the importer is refused as an unknown code (no existence oracle).
            _countries = await KnownCountries.AllAsync(db, ct);
        }
        var inBatch = batch.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var parentsToFind = batch.Select(r => r.Value.PartOf).OfType<string>()
            .Where(p => !inBatch.Contains(p) && !_keys.IsKnownOrAwaited(p))
            .Distinct().ToList();
        var lookup = inBatch.Concat(parentsToFind).ToList();
        // IgnoreQueryFilters: a row must match a stored activity even when the importer cannot see it,
        // or it would be duplicated; such rows are refused instead.
        // EF.Parameter: one array/JSON parameter, not one parameter per id (SQLite allows 32,766).
        var clearance = db.Clearance;
        var stored = await db.Activities.IgnoreQueryFilters().Where(a => EF.Parameter(lookup).Contains(a.ExternalRef))
            .Select(a => new { a.ExternalRef, a.Id, a.Classification }).ToDictionaryAsync(a => a.ExternalRef, ct);
        // Stored parents and stored rows of the batch (a later row may name them) keep their keys; a record
        // the importer may not see is no parent (a part_of naming it is an unknown reference, never a link).
        foreach (var found in stored.Values.Where(f => f.Classification <= clearance)) _keys.Found(found.ExternalRef, found.Id);
        var storedRows = batch.Where(r => stored.TryGetValue(r.Key, out var f) && f.Classification <= clearance).Select(r => r.Key).ToList();
        // Read through the filter: the diff must not show a parent or a person the importer may not see.
        var storedActivities = storedRows.Count == 0 ? [] : await db.Activities.AsNoTracking()
            .Include(a => a.Legs).Include(a => a.LeadPerson).Include(a => a.CounterpartPerson).Include(a => a.PartOf)
            .Where(a => EF.Parameter(storedRows).Contains(a.ExternalRef)).AsSplitQuery().ToDictionaryAsync(a => a.ExternalRef, ct);
        // The stored leaders the batch names, with their offices as recorded: a row may not change them unasked.
        await _people.LoadAsync(db, batch.Select(r => r.Value), ct);

        var plan = new List<PlannedRow<ActivityRow>>(batch.Count);
        foreach (var parsed in batch)
        {
            var row = parsed.Value;
            var before = problems.Total;
            storedActivities.TryGetValue(row.Id, out var activity);
            // A country the stored activity already has is kept as it is (the importer reads it on the record).
            foreach (var code in row.Countries)
                if (!_countries.Contains(code) && activity?.Legs.Any(l => l.CountryIso3 == code) != true)
                    problems.Add(parsed.Line, "countries_iso3", ImportReasons.UnknownCountry(code));
            var leaderOffice = Resolve(row.LeaderRole, OfficeSide.Domestic);
            // An empty role is already a Required problem of the row.
            if (leaderOffice is null && row.LeaderRole.Length > 0)
                problems.Add(parsed.Line, "leader_role", ImportReasons.UnknownDomesticOffice(row.LeaderRole));
            if (row.PartOf is not null && row.PartOf == row.Id)
                problems.Add(parsed.Line, "part_of", ImportReasons.PartOfItself());
            else if (row.PartOf is { } parent && !inBatch.Contains(parent) && !_keys.IsKnown(parent))
                _keys.AwaitParent(parent, parsed.Line);
            // An id taken by a record the importer may not see: refused in the words of any value that cannot be used.
            if (activity is null && stored.ContainsKey(row.Id))
                problems.Add(parsed.Line, "id", ImportReasons.Unavailable());
            // A row that leaves the level out keeps the stored activity's; a new one is Internal.
            else if (problems.Classification(parsed.Line, row.Classification, clearance, activity?.Classification,
                    ClassificationLevel.Internal) is { } level) row.Level = level;
            // A flawed row (wrong cells, see ActivityImportDefinition.Parse) was only checked.
            if (problems.Total > before || parsed.Flawed) continue;

            row.LeaderOfficeId = leaderOffice!.Id;
            row.CounterpartOfficeId = Resolve(row.CounterpartRole, OfficeSide.Foreign)?.Id;
            if (activity is null)
            {
                var officeChanges = new List<FieldChange>();
                if (!CheckLeaderOffice(parsed, leaderOffice, problems, officeChanges)) continue;
                plan.Add(new PlannedRow<ActivityRow>(parsed.Line, parsed.Key, ImportAction.Create, row, officeChanges));
                continue;
            }
            var changes = ActivityRowDiff.Between(activity, row);
            if (changes.Count > 0 && !CheckLeaderOffice(parsed, leaderOffice, problems, changes)) continue;
            plan.Add(new PlannedRow<ActivityRow>(parsed.Line, parsed.Key, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, row, changes)
            {
                Target = activity.Id,
            });
        }
        _keys.Checked(inBatch);
        return plan;
    }

    /// <summary>A row that would change its stored leader's recorded offices is refused unless the file
    /// says so (leader_office_change); an allowed change is listed among the row's changes (the preview).</summary>
    private bool CheckLeaderOffice(ParsedRow<ActivityRow> parsed, Office office, ImportProblems problems, List<FieldChange> changes)
    {
        var row = parsed.Value;
        if (row.LeaderName is not { } name || _people.Stored(OfficeSide.Domestic, name) is not { } leader) return true;
        var outcome = _officeChecks.Check(leader, office, row.DateStart, row.LeaderOfficeChange);
        if (outcome.Problem is { } reason)
        {
            problems.Add(parsed.Line, "leader_name", reason with { Args = [leader.FullName, row.LeaderRole, IsoDate.Format(row.DateStart)] });
            return false;
        }
        if (outcome.Change is { } change) changes.Add(change);
        return true;
    }

    private Office? Resolve(string? text, OfficeSide side)
    {
        if (text is null) return null;
        if (!_officeByText.TryGetValue((text, side), out var office)) _officeByText[(text, side)] = office = _offices!.Resolve(text, side);
        return office;
    }

    /// <summary>Writes a batch inside the pipeline's transaction: the people it names first, then its
    /// new activities, their legs and their audit entries. A part_of naming a row of a later batch is
    /// written empty and set at the end (the foreign key is checked when the statement ends); the audit
    /// entry already shows the key the parent will have.</summary>
    public override async Task WriteAsync(IReadOnlyList<PlannedRow<ActivityRow>> batch, CancellationToken ct)
    {
        if (!_prepared)
        {
            await BulkInsert.PrepareAsync(db, ct);
            _prepared = true;
        }
        var work = batch.Where(p => p.Action != ImportAction.Unchanged).ToList();
        await _people.LoadAsync(db, work.Select(p => p.Value), ct);
        var leads = new Person?[work.Count];
        var counterparts = new Person?[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            var row = work[i].Value;
            leads[i] = row.LeaderName is null ? null
                : _people.Observe(OfficeSide.Domestic, row.LeaderName, row.LeaderOfficeId, row.LeaderRole, row.DateStart, null, row.Level);
            counterparts[i] = row.CounterpartName is null ? null
                : _people.Observe(OfficeSide.Foreign, row.CounterpartName, row.CounterpartOfficeId, row.CounterpartRole, row.DateStart,
                    row.Kind.IsOutgoingVisit() || row.Countries.Count != 1 ? null : row.Countries[0], row.Level);
        }
        await _people.StoreNewAsync(db, ct);

        var creates = new List<int>(work.Count);
        for (var i = 0; i < work.Count; i++)
        {
            if (work[i].Action == ImportAction.Create) creates.Add(i);
            else _updates.Add(new PendingUpdate(work[i].Value, (int)work[i].Target!, leads[i], counterparts[i]));
        }
        var keys = await _keys.ReserveAsync(db, [.. creates.Select(i => work[i].Value)], ct);
        // Each new activity is built once, for its row, its legs and its audit entry. A parent written before
        // this batch or in it is set directly; one further down has a promised key, set once it is written.
        var activities = new List<Activity>(creates.Count);
        var ahead = new List<(Activity Activity, string Parent)>();
        for (var c = 0; c < creates.Count; c++)
        {
            var i = creates[c];
            var row = work[i].Value;
            var activity = new Activity { ExternalRef = row.Id, Id = keys[c] };
            int? parentId = null;
            if (row.PartOf is { } parent)
            {
                parentId = _keys.WrittenKeyOf(parent);
                if (parentId is null) ahead.Add((activity, parent));
            }
            row.ApplyTo(activity, leads[i], counterparts[i], parentId);
            SearchTexts.Refresh(activity, _folding.Fold);
            activities.Add(activity);
        }

        await BulkInsert.InsertAsync(db, activities, ct);
        // Nothing points at a leg: the database numbers them.
        await BulkInsert.InsertAsync(db, activities.SelectMany(a => a.Legs), ct, keysFromDatabase: true);
        // The audit entry already shows the parent a row will have once the link is set at the end.
        foreach (var (activity, parent) in ahead) activity.PartOfId = _keys.LinkLater(activity.Id, parent);
        await _audit.RecordCreatedAsync(db, activities.Count, activities,
            (a, json) => json.Created("Countries", string.Join(';', a.Legs.Select(l => l.CountryIso3))), ct);
    }

    public override async Task FinishAsync(ImportProblems problems, bool write, CancellationToken ct)
    {
        _keys.ReportParentsNeverMet(problems);
        if (!write || problems.Any) return;

        await _people.FinishAsync(db, _audit, ct);
        await _keys.SetLinksLaterAsync(db, ct);
        if (_updates.Count > 0) await ApplyUpdatesAsync(ct);
    }

    /// <summary>Stored activities the file changes go through the DbContext and its interceptors
    /// (audit, versions): they are few, a re-import of corrected rows.</summary>
    private async Task ApplyUpdatesAsync(CancellationToken ct)
    {
        foreach (var chunk in _updates.Chunk(1000))
        {
            var ids = chunk.Select(u => u.StoredId).ToList();
            var activities = await db.Activities.IgnoreQueryFilters().Include(a => a.Legs)
                .Where(a => EF.Parameter(ids).Contains(a.Id)).AsSplitQuery().ToDictionaryAsync(a => a.Id, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var update in chunk)
                {
                    var activity = activities[update.StoredId];
                    db.ActivityLegs.RemoveRange(activity.Legs);
                    update.Row.ApplyTo(activity, update.Lead, update.Counterpart, update.Row.PartOf is { } parent ? _keys.KeyOf(parent) : null);
                }
            }
            finally { db.ChangeTracker.AutoDetectChangesEnabled = true; }
            await db.SaveChangesAsync(ct);
        }
    }
}
