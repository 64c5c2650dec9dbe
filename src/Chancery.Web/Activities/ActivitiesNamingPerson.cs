using Chancery.Web.Common.Bin;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>A person whom activities name (as leader or counterpart) stays out of the bin: deleting them
/// would leave those activities without their leader everywhere they are read (lists, calendar, the
/// review's counts by leader) with nothing saying why. The refusal says how many activities the reader
/// can see name them; the editor changes or deletes those first. Activities already in the bin do not
/// count (restoring one waits until its people are back: <see cref="ActivityBinSource"/>).</summary>
internal sealed class ActivitiesNamingPerson(ChanceryDbContext db) : IDeleteGuard<Person>
{
    public async Task CheckAsync(int id, Problems problems, CancellationToken ct)
    {
        var seen = await db.Activities.CountAsync(a => a.LeadPersonId == id || a.CounterpartPersonId == id, ct);
        if (seen > 0)
        {
            problems.Add("id", ActivityErrors.PersonNamedInActivities, seen);
            return;
        }
        // Named only in activities above the reader's clearance: refused too, without a number.
        if (await db.Activities.IgnoreQueryFilters([ChanceryDbContext.ClassificationFilter])
                .AnyAsync(a => a.LeadPersonId == id || a.CounterpartPersonId == id, ct))
            problems.Add("id", ActivityErrors.PersonNamedInHiddenActivities);
    }
}
