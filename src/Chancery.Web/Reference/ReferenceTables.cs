using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Reference;

/// <summary>The module's tables, reached as <c>db.Offices</c> from any context.</summary>
public static class ReferenceTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Office> Offices => db.Set<Office>();
    }
}
