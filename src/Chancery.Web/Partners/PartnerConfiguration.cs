using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Partners;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.Property(p => p.Code).HasMaxLength(12);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Iso2).HasMaxLength(2);
        builder.Property(p => p.NameVi).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.Region).HasMaxLength(60);
        builder.Property(p => p.Subregion).HasMaxLength(60);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.SearchText).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Classification).HasConversion<int>();
    }
}
