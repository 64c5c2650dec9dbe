using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Units;

/// <summary>The module's tables, reached as <c>db.Units</c> from any context.</summary>
public static class UnitTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Unit> Units => db.Set<Unit>();
    }
}
