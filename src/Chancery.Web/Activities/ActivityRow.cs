using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Import;
using Chancery.Web.People;

namespace Chancery.Web.Activities;

/// <summary>One parsed row of activities.csv (see <see cref="ActivityImportDefinition"/>). An import
/// keeps one per row until it is stored, so it holds only what the row says (and, once planned, the
/// offices its role texts resolve to and the level to store). A classification left out is null.</summary>
public sealed record ActivityRow(
    string Id, ActivityKind Kind, DateOnly DateStart, DateOnly DateEnd, ActivityStatus Status,
    string LeaderRole, string? LeaderName, ActivityDirection Direction, IReadOnlyList<string> Countries,
    string? CounterpartName, string? CounterpartRole, string? HostOrVenue, string? Title, string? PartOf,
    ActivityChannel? Channel, ClassificationLevel? Classification, string? Source, string? Notes)
{
    /// <summary>What the file allows the row to change in its leader's offices (leader_office_change);
    /// null: nothing, the leader must hold the named office on the row's date as recorded.</summary>
    public LeaderOfficeChange? LeaderOfficeChange { get; init; }

    /// <summary>The optional title_en column: the title in English beside the Vietnamese one.</summary>
    public string? TitleEn { get; init; }

    /// <summary>Set while planning: the offices the role texts resolve to.</summary>
    public int LeaderOfficeId { get; set; }
    public int? CounterpartOfficeId { get; set; }
    /// <summary>Set while planning: the level to store (<see cref="Common.Writing.WriteGuard.Classification"/>),
    /// the row's own, or the stored activity's when the row leaves it out.</summary>
    public ClassificationLevel Level { get; set; }

    /// <summary>Sets everything the row says on an activity, new or stored: its fields, its people (with
    /// their names for the search text, as they are set by id), its parent and its legs in the file's order.</summary>
    public void ApplyTo(Activity a, Person? lead, Person? counterpart, int? partOfId)
    {
        a.Kind = Kind;
        a.Direction = Direction;
        a.Status = Status;
        a.DateStart = DateStart;
        a.DateEnd = DateEnd;
        a.Title = Title;
        a.TitleEn = TitleEn;
        a.HostOrVenue = HostOrVenue;
        a.Channel = Channel;
        a.LeaderRoleText = LeaderRole;
        a.CounterpartRoleText = CounterpartRole;
        a.Classification = Level;
        a.Sources = Source;
        a.Notes = Notes;
        a.LeadPersonId = lead?.Id;
        a.CounterpartPersonId = counterpart?.Id;
        a.NamesForSearch = $"{lead?.FullName} {counterpart?.FullName}";
        a.PartOfId = partOfId;
        a.Legs = new List<ActivityLeg>(Countries.Count);
        for (var l = 0; l < Countries.Count; l++)
            a.Legs.Add(new ActivityLeg { ActivityId = a.Id, CountryIso3 = Countries[l], Order = l + 1 });
    }
}

/// <summary>The leader_office_change column of activities.csv: a row may change its leader's recorded
/// offices only when it says so. <see cref="Extend"/>: widen the leader's recorded period of the named
/// office to the row's date (they have one, or an earlier row of the file added it). <see cref="New"/>:
/// the leader takes up the named office (a period is added from the row's date; joined to a period of
/// the same office they already have).</summary>
public enum LeaderOfficeChange
{
    Extend = 1,
    New = 2,
}

/// <summary>What re-importing a row would change on the stored activity (the preview).</summary>
internal static class ActivityRowDiff
{
    public static List<FieldChange> Between(Activity stored, ActivityRow row)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, before, after));
        }
        Compare("kind", Codes<ActivityKind>.ToCode(stored.Kind), Codes<ActivityKind>.ToCode(row.Kind));
        Compare("date_start", IsoDate.Format(stored.DateStart), IsoDate.Format(row.DateStart));
        Compare("date_end", IsoDate.Format(stored.DateEnd), IsoDate.Format(row.DateEnd));
        Compare("status", Codes<ActivityStatus>.ToCode(stored.Status), Codes<ActivityStatus>.ToCode(row.Status));
        Compare("leader_role", stored.LeaderRoleText, row.LeaderRole);
        Compare("leader_name", stored.LeadPerson?.FullName, row.LeaderName);
        Compare("direction", Codes<ActivityDirection>.ToCode(stored.Direction), Codes<ActivityDirection>.ToCode(row.Direction));
        Compare("countries_iso3", string.Join(';', stored.Legs.OrderBy(l => l.Order).Select(l => l.CountryIso3)), string.Join(';', row.Countries));
        Compare("counterpart_name", stored.CounterpartPerson?.FullName, row.CounterpartName);
        Compare("counterpart_role", stored.CounterpartRoleText, row.CounterpartRole);
        Compare("host_or_venue", stored.HostOrVenue, row.HostOrVenue);
        Compare("title", stored.Title, row.Title);
        Compare("title_en", stored.TitleEn, row.TitleEn);
        Compare("part_of", stored.PartOf?.ExternalRef, row.PartOf);
        Compare("channel", stored.Channel is { } c ? Codes<ActivityChannel>.ToCode(c) : null, row.Channel is { } rc ? Codes<ActivityChannel>.ToCode(rc) : null);
        Compare("classification", stored.Classification.ToCode(), row.Level.ToCode());
        Compare("source", stored.Sources, row.Source);
        Compare("notes", stored.Notes, row.Notes);
        return changes;
    }
}
