using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Common.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(200);
        builder.Property(e => e.UserName).HasMaxLength(256);
        // Room for the longest action name (AuthenticatorEnrolled, EnrolmentCodeIssued): PostgreSQL refuses a longer one.
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Classification).HasConversion<int>();
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.ChainIndex).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        // "What my unit changed lately" reads each member's newest entries from here: without it the
        // newest-first scan walked the whole trail when the unit's members wrote little (500,000 entries
        // on the home page: 1.9 s).
        builder.HasIndex(e => new { e.UserId, e.Id });
    }
}
