using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Reference;

public sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.Property(o => o.Code).HasMaxLength(60);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.NameVi).HasMaxLength(200);
        builder.Property(o => o.Aliases).HasMaxLength(2000);
    }
}
