using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Partners;

public sealed class FrameworkEventConfiguration : IEntityTypeConfiguration<FrameworkEvent>
{
    public void Configure(EntityTypeBuilder<FrameworkEvent> builder)
    {
        builder.ToTable("framework_events");
        builder.Ignore(e => e.When);
        builder.Property(e => e.Level).HasConversion<int>();
        builder.Property(e => e.Precision).HasConversion<int>();
        builder.Property(e => e.PreviousLevel).HasMaxLength(300);
        builder.Property(e => e.OfficialName).HasMaxLength(300);
        builder.Property(e => e.AnnouncedBy).HasMaxLength(500);
        builder.Property(e => e.Source).HasMaxLength(4000);
        builder.Property(e => e.Notes).HasMaxLength(4000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.Classification).HasConversion<int>();
        // One event per partner, level and date: the natural key imports use to stay idempotent.
        builder.HasIndex(e => new { e.PartnerId, e.Level, e.Date }).IsUnique();
        builder.HasIndex(e => e.EffectiveBy);
        builder.HasOne(e => e.Partner).WithMany(p => p.FrameworkEvents).HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
