using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Agreements;

public sealed class TreatyActionConfiguration : IEntityTypeConfiguration<TreatyAction>
{
    public void Configure(EntityTypeBuilder<TreatyAction> builder)
    {
        builder.ToTable("treaty_actions");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Number).HasMaxLength(60);
        builder.Property(a => a.Source).HasMaxLength(2000);
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.HasOne<Agreement>().WithMany(a => a.Actions).HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partners.Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgreementId, a.Date });
    }
}
