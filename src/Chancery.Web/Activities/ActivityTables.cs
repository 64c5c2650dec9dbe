using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Activities;

/// <summary>The module's tables, reached as <c>db.Activities</c> from any context.</summary>
public static class ActivityTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Activity> Activities => db.Set<Activity>();
        public DbSet<ActivityLeg> ActivityLegs => db.Set<ActivityLeg>();
    }
}
