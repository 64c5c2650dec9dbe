using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Bin;
using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chancery.Web.Activities;

/// <summary>Activities on the audit page: named by their title (their reference when untitled), linked to
/// their page; fields and codes worded with the activity form's own labels.</summary>
internal sealed class ActivityAuditSubject(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text) : AuditSubject<Activity>(text)
{
    public override string? ChangeFeedType => "activity";

    protected override string LabelKey => "Activities";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(Activity.ExternalRef)] = "Reference", [nameof(Activity.HostOrVenue)] = "Venue",
        [nameof(Activity.LeadPersonId)] = "Leader", [nameof(Activity.LeaderRoleText)] = "LeaderRole",
        [nameof(Activity.CounterpartPersonId)] = "CounterpartPerson", [nameof(Activity.CounterpartRoleText)] = "CounterpartRole",
        [nameof(Activity.PartOfId)] = "PartOf", [nameof(Activity.OwnerUnitId)] = "OwnerUnit",
    };

    public override IReadOnlyDictionary<string, string> References { get; } = new Dictionary<string, string>
    {
        [nameof(Activity.LeadPersonId)] = "Person", [nameof(Activity.CounterpartPersonId)] = "Person",
        [nameof(Activity.PartOfId)] = nameof(Activity), [nameof(Activity.OwnerUnitId)] = "Unit",
    };

    public override string? Value(string field, string value) => field switch
    {
        nameof(Activity.Kind) => CodeWord<ActivityKind>(text, "Kind_", value),
        nameof(Activity.Status) => CodeWord<ActivityStatus>(text, "Status_", value),
        nameof(Activity.Channel) => CodeWord<ActivityChannel>(text, "Channel_", value),
        nameof(Activity.Direction) => CodeWord<ActivityDirection>(text, "Direction_", value),
        nameof(Activity.Themes) => string.Join(", ", value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => Word(text, "Theme_" + t) ?? t)),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        // Named in the bin too (the trail says who deleted what), but linked only while it has a page.
        var rows = await db.Activities.AsNoTracking().WithBin().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.TitleEn, a.ExternalRef, InBin = a.DeletedAt != null }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName(ActivityTitles.Text(r.Title, r.TitleEn, r.ExternalRef), r.InBin ? null : "/activities/" + r.Id));
    }
}

/// <summary>A leg (or counterpart country) of an activity: named after its activity, which must be
/// visible to the reader (the leg carries no level of its own).</summary>
internal sealed class ActivityLegAuditSubject(ChanceryDbContext db, IStringLocalizer<ActivitiesText> text) : AuditSubject<ActivityLeg>(text)
{
    protected override string LabelKey => "Legs";

    protected override IReadOnlyDictionary<string, string> FieldKeys { get; } = new Dictionary<string, string>
    {
        [nameof(ActivityLeg.ActivityId)] = "PartOf", [nameof(ActivityLeg.CountryIso3)] = "Country",
        [nameof(ActivityLeg.DateStart)] = "LegFrom", [nameof(ActivityLeg.DateEnd)] = "LegTo",
    };

    public override IReadOnlyDictionary<string, string> References { get; } =
        new Dictionary<string, string> { [nameof(ActivityLeg.ActivityId)] = nameof(Activity) };

    public override async Task<IReadOnlyDictionary<string, AuditSubjectName>> NamesAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var ids = IntKeys(keys);
        var rows = await (from leg in db.ActivityLegs.AsNoTracking()
                          join activity in db.Activities on leg.ActivityId equals activity.Id
                          where ids.Contains(leg.Id)
                          select new { leg.Id, leg.CountryIso3, activity.Title, activity.TitleEn, activity.ExternalRef, ActivityId = activity.Id }).ToListAsync(ct);
        return ByKey(rows, r => r.Id, r => new AuditSubjectName($"{ActivityTitles.Text(r.Title, r.TitleEn, r.ExternalRef)} · {r.CountryIso3}", "/activities/" + r.ActivityId));
    }
}
