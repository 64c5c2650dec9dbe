using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Agreements;

/// <summary>The module's tables, reached as <c>db.Agreements</c> from any context.</summary>
public static class AgreementTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Agreement> Agreements => db.Set<Agreement>();
        public DbSet<AgreementParty> AgreementParties => db.Set<AgreementParty>();
        public DbSet<TreatyAction> TreatyActions => db.Set<TreatyAction>();
        public DbSet<AgreementDocument> AgreementDocuments => db.Set<AgreementDocument>();
        public DbSet<SigningPackage> SigningPackages => db.Set<SigningPackage>();
    }
}
