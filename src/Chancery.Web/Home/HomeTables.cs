using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Home;

/// <summary>The module's tables, reached as <c>db.FollowedLeaders</c> from any context.</summary>
public static class HomeTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<FollowedLeader> FollowedLeaders => db.Set<FollowedLeader>();
    }
}
