using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Units;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units");
        builder.Property(u => u.Code).HasMaxLength(40);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.NameVi).HasMaxLength(300);
        builder.Property(u => u.NameEn).HasMaxLength(300);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.CountryIso3).HasMaxLength(3);
        builder.Property(u => u.SearchText).HasMaxLength(1000);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
