using Chancery.Web.Common.Classification;
using Chancery.Web.Data;
using Chancery.Web.Partners;
using Chancery.Web.People;
using Chancery.Web.Reference;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>Checks an <see cref="ActivityInput"/> (every problem named by its field, as the API's
/// ValidationProblem) and copies it onto an activity.</summary>
public static class ActivityEditor
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(ChanceryDbContext db, ActivityInput input, int? editingId, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        if (!Codes<ActivityKind>.TryParse(input.Kind, out var kind)) Add("kind", $"Use one of: {string.Join(", ", Codes<ActivityKind>.All)}.");
        else if (input.Direction is not null)
        {
            if (!Codes<ActivityDirection>.TryParse(input.Direction, out var direction)) Add("direction", "Use outgoing, incoming or none.");
            else if (!kind.Agrees(direction)) Add("direction", $"A {input.Kind} is {Codes<ActivityDirection>.ToCode(kind.RequiredDirection()!.Value)}.");
        }
        if (input.Status is not null && !Codes<ActivityStatus>.TryParse(input.Status, out _)) Add("status", $"Use one of: {string.Join(", ", Codes<ActivityStatus>.All)}.");
        if (input.Channel is not null && !Codes<ActivityChannel>.TryParse(input.Channel, out _)) Add("channel", $"Use one of: {string.Join(", ", Codes<ActivityChannel>.All)}.");
        if (input.Classification is not null)
        {
            if (!ClassificationLevels.TryParse(input.Classification, out var level)) Add("classification", "Unknown classification.");
            else if (level > db.Clearance) Add("classification", "You cannot store a record above your own clearance.");
        }
        var end = input.DateEnd ?? input.DateStart;
        if (end < input.DateStart) Add("dateEnd", "The end date is before the start date.");
        foreach (var theme in input.Themes ?? [])
            if (!ActivityThemes.All.Contains(theme.Trim().ToLowerInvariant())) Add("themes", $"Unknown theme '{theme}'.");

        if (input.LeaderRoleText is { Length: > 0 } role && (await OfficeResolver.LoadAsync(db, ct)).Resolve(role, OfficeSide.Domestic) is null)
            Add("leaderRoleText", $"'{role}' is not an office we know on our side.");
        if (input.LeadPersonId is { } lead && !await db.People.AnyAsync(p => p.Id == lead, ct)) Add("leadPersonId", "No such person.");
        if (input.CounterpartPersonId is { } cp && !await db.People.AnyAsync(p => p.Id == cp, ct)) Add("counterpartPersonId", "No such person.");
        if (input.PartOfId is { } parent && (parent == editingId || !await db.Activities.AnyAsync(a => a.Id == parent, ct))) Add("partOfId", "No such activity.");
        if (input.ExternalRef is { Length: > 0 } reference
            && await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.ExternalRef == reference && a.Id != editingId, ct))
            Add("externalRef", "Another activity already has this reference.");

        var legs = input.Legs ?? [];
        var codes = legs.Select(l => l.CountryIso3.Trim().ToUpperInvariant()).Distinct().ToList();
        var known = (await db.Partners.IgnoreQueryFilters().Where(p => p.Kind == PartnerKind.Country && codes.Contains(p.Code))
            .Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        DateOnly? previousEnd = null;
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var field = $"legs[{i}]";
            if (!known.Contains(leg.CountryIso3.Trim().ToUpperInvariant())) Add($"{field}.countryIso3", $"Unknown country code '{leg.CountryIso3}'.");
            if (leg.DateStart is { } s && (s < input.DateStart || s > end)) Add($"{field}.dateStart", "The leg starts outside the trip's dates.");
            if (leg.DateEnd is { } e && (e < input.DateStart || e > end)) Add($"{field}.dateEnd", "The leg ends outside the trip's dates.");
            if (leg is { DateStart: { } ls, DateEnd: { } le } && le < ls) Add($"{field}.dateEnd", "The leg ends before it starts.");
            if (leg.DateStart is { } start && previousEnd is { } pe && start < pe) Add($"{field}.dateStart", "Legs must be in order: this one starts before the previous one ends.");
            previousEnd = leg.DateEnd ?? leg.DateStart ?? previousEnd;
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Copies a validated input onto the activity (legs replaced).</summary>
    public static void Apply(ChanceryDbContext db, Activity a, ActivityInput input)
    {
        Codes<ActivityKind>.TryParse(input.Kind, out var kind);
        a.Kind = kind;
        a.Direction = input.Direction is not null && Codes<ActivityDirection>.TryParse(input.Direction, out var d) ? d : kind.DefaultDirection();
        a.Status = input.Status is not null && Codes<ActivityStatus>.TryParse(input.Status, out var s) ? s : ActivityStatus.Completed;
        a.DateStart = input.DateStart;
        a.DateEnd = input.DateEnd ?? input.DateStart;
        a.Title = input.Title;
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
        a.Classification = input.Classification is not null && ClassificationLevels.TryParse(input.Classification, out var level) ? level : ClassificationLevel.Internal;
        db.ActivityLegs.RemoveRange(a.Legs);
        a.Legs = (input.Legs ?? []).Select((l, i) => new ActivityLeg
        {
            Order = i + 1, CountryIso3 = l.CountryIso3.Trim().ToUpperInvariant(), City = l.City, DateStart = l.DateStart, DateEnd = l.DateEnd,
        }).ToList();
    }
}
