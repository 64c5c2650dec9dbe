using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Partners;

/// <summary>The module's tables, reached as <c>db.Partners</c> from any context.</summary>
public static class PartnerTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Partner> Partners => db.Set<Partner>();
        public DbSet<FrameworkEvent> FrameworkEvents => db.Set<FrameworkEvent>();
    }
}
