using Chancery.Web.Common.Api;
using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>The one write path of an activity, for the API and the edit page alike: checks the input
/// (every problem named by its field, as a code), applies it, checks the model's limits, and saves
/// through <see cref="VersionedSave"/> (an update names the version it started from).</summary>
public sealed class ActivityWriter(ChanceryDbContext db, ActivityQueries queries, TimeProvider clock)
{
    public async Task<WriteOutcome<ActivityDetail>> CreateAsync(ActivityInput input, CancellationToken ct)
    {
        var problems = await CheckAsync(input, null, [], ct);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, null, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<ActivityDetail>.Invalid(problems);

        var activity = new Activity { ExternalRef = input.ExternalRef is { Length: > 0 } r ? r : "A-" + Guid.NewGuid().ToString("N")[..12] };
        Apply(activity, input, level!.Value);
        await DiscloseNamedAsync(activity, ct);
        db.Activities.Add(activity);
        // The read runs after the save, when the new activity has its id.
        return await CheckedSave.SaveAsync(db, Limited(activity), problems, c => queries.DetailAsync(activity.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<ActivityDetail>> UpdateAsync(int id, ActivityInput input, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Legs).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return WriteOutcome<ActivityDetail>.NotFound();
        var problems = await CheckAsync(input, id, [.. activity.Legs.Select(l => l.CountryIso3)], ct);
        if (input.Version is null) problems.Add("version", ErrorCodes.VersionRequired);
        var level = WriteGuard.Classification(input.Classification, db.Clearance, activity.Classification, ClassificationLevel.Internal, problems);
        if (problems.Any) return WriteOutcome<ActivityDetail>.Invalid(problems);

        if (input.ExternalRef is { Length: > 0 } r) activity.ExternalRef = r;
        Apply(activity, input, level!.Value);
        await DiscloseNamedAsync(activity, ct);
        db.ExpectVersion(activity, input.Version!.Value);
        return await CheckedSave.SaveAsync(db, Limited(activity), problems, c => queries.DetailAsync(id, c), WriteStatus.Saved, ct);
    }

    /// <summary>Puts the activity in the bin (<see cref="RecordBin"/>); with a version, only if nobody changed
    /// it since. Its parts (meetings held during a trip) stay; they no longer show the trip they were part of.</summary>
    public async Task<WriteOutcome<ActivityDetail>> DeleteAsync(int id, int? version, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || await queries.DetailAsync(id, ct) is not { } shown) return WriteOutcome<ActivityDetail>.NotFound();
        return await RecordBin.DeleteAsync(db, activity, version, shown, clock, c => queries.DetailAsync(id, c), ct);
    }

    /// <summary>The people the activity names are known at its level from now on (<see cref="DerivedClassification"/>):
    /// whoever may read it reads their names on it. They were found through the filter, so the writer sees them.</summary>
    private async Task DiscloseNamedAsync(Activity activity, CancellationToken ct)
    {
        int?[] named = [activity.LeadPersonId, activity.CounterpartPersonId];
        var ids = named.OfType<int>().ToList();
        if (ids.Count == 0) return;
        var level = activity.Classification;
        foreach (var person in await db.People.Where(p => ids.Contains(p.Id) && p.Classification > level).ToListAsync(ct))
            DerivedClassification.Disclose(person, level);
    }

    /// <summary>The activity and each of its legs, whose fields the input names legs[0].city …</summary>
    private static IEnumerable<Limited> Limited(Activity activity) =>
        [new(activity), .. activity.Legs.Select((leg, i) => new Limited(leg, $"legs[{i}]."))];

    /// <summary>The input's codes, references and dates (field names as the API's JSON names them).
    /// <paramref name="heldCountries"/> are the stored activity's leg countries (see <see cref="CheckLegsAsync"/>).</summary>
    private async Task<Problems> CheckAsync(ActivityInput input, int? editingId, IReadOnlyCollection<string> heldCountries, CancellationToken ct)
    {
        var problems = new Problems();
        if (input.DateStart == default) problems.Add("dateStart", ActivityErrors.DateStartRequired);
        if (!Codes<ActivityKind>.TryParse(input.Kind, out var kind)) problems.Add("kind", ErrorCodes.OneOf, string.Join(", ", Codes<ActivityKind>.All));
        else if (input.Direction is not null)
        {
            if (!Codes<ActivityDirection>.TryParse(input.Direction, out var direction))
                problems.Add("direction", ErrorCodes.OneOf, string.Join(", ", Codes<ActivityDirection>.All));
            else if (!kind.Agrees(direction)) problems.Add("direction", ActivityErrors.KindNeedsDirection(kind.RequiredDirection()!.Value));
        }
        if (input.Status is not null && !Codes<ActivityStatus>.TryParse(input.Status, out _))
            problems.Add("status", ErrorCodes.OneOf, string.Join(", ", Codes<ActivityStatus>.All));
        if (input.Channel is not null && !Codes<ActivityChannel>.TryParse(input.Channel, out _))
            problems.Add("channel", ErrorCodes.OneOf, string.Join(", ", Codes<ActivityChannel>.All));
        var end = input.DateEnd ?? input.DateStart;
        if (end < input.DateStart) problems.Add("dateEnd", ErrorCodes.EndBeforeStart);
        foreach (var theme in input.Themes ?? [])
            if (!ActivityThemes.All.Contains(theme.Trim().ToLowerInvariant())) problems.Add("themes", ActivityErrors.UnknownTheme, theme);

        if (input.LeaderRoleText is { Length: > 0 } role && (await OfficeResolver.LoadAsync(db, ct)).Resolve(role, OfficeSide.Domestic) is null)
            problems.Add("leaderRoleText", ActivityErrors.UnknownOffice, role);
        if (input.LeadPersonId is { } lead && !await db.People.AnyAsync(p => p.Id == lead, ct)) problems.Add("leadPersonId", ActivityErrors.UnknownPerson);
        if (input.CounterpartPersonId is { } cp && !await db.People.AnyAsync(p => p.Id == cp, ct)) problems.Add("counterpartPersonId", ActivityErrors.UnknownPerson);
        if (input.PartOfId is { } parent && (parent == editingId || !await db.Activities.AnyAsync(a => a.Id == parent, ct)))
            problems.Add("partOfId", ActivityErrors.UnknownActivity);
        if (input.ExternalRef is { Length: > 0 } reference
            && await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.ExternalRef == reference && a.Id != editingId, ct))
            problems.Add("externalRef", ActivityErrors.ReferenceTaken);
        await CheckLegsAsync(input, end, heldCountries, problems, ct);
        return problems;
    }

    /// <summary>Each leg's country and dates. A country classified above the writer is an unknown code, unless the
    /// stored activity already has it (<paramref name="heldCountries"/>): the editor reads that code on the record,
    /// so keeping it tells them nothing, and an activity they may edit stays editable.</summary>
    private async Task CheckLegsAsync(ActivityInput input, DateOnly end, IReadOnlyCollection<string> heldCountries, Problems problems, CancellationToken ct)
    {
        var legs = input.Legs ?? [];
        var codes = legs.Select(l => l.CountryIso3.Trim().ToUpperInvariant()).Distinct().ToList();
        // A country classified above the writer is refused as an unknown code (no existence oracle).
        var known = await KnownCountries.AmongAsync(db, codes, ct);
        known.UnionWith(heldCountries);
        // A trip that ends before it starts is one problem, on its end date: its legs are not also
        // each "outside the trip" (there is no trip range to be inside of until the end is fixed).
        var tripHasRange = end >= input.DateStart;
        DateOnly? previousEnd = null;
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var field = $"legs[{i}]";
            if (!known.Contains(leg.CountryIso3.Trim().ToUpperInvariant())) problems.Add($"{field}.countryIso3", ActivityErrors.UnknownCountry, leg.CountryIso3);
            if (tripHasRange && leg.DateStart is { } s && (s < input.DateStart || s > end)) problems.Add($"{field}.dateStart", ActivityErrors.LegStartsOutsideTrip);
            if (tripHasRange && leg.DateEnd is { } e && (e < input.DateStart || e > end)) problems.Add($"{field}.dateEnd", ActivityErrors.LegEndsOutsideTrip);
            if (leg is { DateStart: { } ls, DateEnd: { } le } && le < ls) problems.Add($"{field}.dateEnd", ActivityErrors.LegEndsBeforeStart);
            if (leg.DateStart is { } start && previousEnd is { } pe && start < pe) problems.Add($"{field}.dateStart", ActivityErrors.LegsOutOfOrder);
            previousEnd = leg.DateEnd ?? leg.DateStart ?? previousEnd;
        }
    }

    /// <summary>Copies a checked input onto the activity (legs replaced).</summary>
    private void Apply(Activity a, ActivityInput input, ClassificationLevel level)
    {
        Codes<ActivityKind>.TryParse(input.Kind, out var kind);
        a.Kind = kind;
        a.Direction = input.Direction is not null && Codes<ActivityDirection>.TryParse(input.Direction, out var d) ? d : kind.DefaultDirection();
        a.Status = input.Status is not null && Codes<ActivityStatus>.TryParse(input.Status, out var s) ? s : ActivityStatus.Completed;
        a.DateStart = input.DateStart;
        a.DateEnd = input.DateEnd ?? input.DateStart;
        a.Title = input.Title;
        a.TitleEn = string.IsNullOrWhiteSpace(input.TitleEn) ? null : input.TitleEn.Trim();
        a.HostOrVenue = input.HostOrVenue;
        a.Channel = input.Channel is not null && Codes<ActivityChannel>.TryParse(input.Channel, out var c) ? c : null;
        a.LeadPersonId = input.LeadPersonId;
        a.LeaderRoleText = input.LeaderRoleText;
        a.CounterpartPersonId = input.CounterpartPersonId;
        a.CounterpartRoleText = input.CounterpartRoleText;
        a.PartOfId = input.PartOfId;
        a.OwnerUnitId = input.OwnerUnitId;
        a.Outcomes = input.Outcomes;
        a.Themes = Activity.JoinThemes(input.Themes ?? []);
        a.Sources = input.Sources;
        a.Notes = input.Notes;
        a.Classification = level;
        db.ActivityLegs.RemoveRange(a.Legs);
        a.Legs = (input.Legs ?? []).Select((l, i) => new ActivityLeg
        {
            Order = i + 1, CountryIso3 = l.CountryIso3.Trim().ToUpperInvariant(), City = l.City, DateStart = l.DateStart, DateEnd = l.DateEnd,
        }).ToList();
    }
}
