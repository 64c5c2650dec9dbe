using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.People;

/// <summary>The module's tables, reached as <c>db.People</c> from any context.</summary>
public static class PeopleTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Person> People => db.Set<Person>();
        public DbSet<PersonOffice> PersonOffices => db.Set<PersonOffice>();
    }
}
