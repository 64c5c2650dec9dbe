using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Commitments;

/// <summary>The module's tables, reached as <c>db.Commitments</c> from any context. Deliveries are read
/// through <see cref="Commitments"/> (they carry no level of their own).</summary>
public static class CommitmentTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Commitment> Commitments => db.Set<Commitment>();
        public DbSet<Delivery> Deliveries => db.Set<Delivery>();
        public DbSet<ExchangeRate> ExchangeRates => db.Set<ExchangeRate>();
    }
}
