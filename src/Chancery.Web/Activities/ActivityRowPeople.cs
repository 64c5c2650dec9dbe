using Chancery.Web.Data;
using Chancery.Web.People;

namespace Chancery.Web.Activities;

/// <summary>The people an import batch names, for the People module's <see cref="PeopleDirectory"/>.</summary>
public static class ActivityRowPeople
{
    /// <summary>Loads the stored leaders and counterparts the rows name that were not looked up before.</summary>
    public static Task LoadAsync(this PeopleDirectory people, ChanceryDbContext db, IEnumerable<ActivityRow> rows, CancellationToken ct) =>
        people.LoadNamedAsync(db, rows.SelectMany(r => new[] { r.LeaderName, r.CounterpartName }), ct);
}
