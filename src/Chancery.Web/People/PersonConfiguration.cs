using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.People;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.Notes).HasMaxLength(2000);
        builder.Property(p => p.NameKey).HasMaxLength(200);
        builder.Property(p => p.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Classification).HasConversion<int>();
        builder.HasIndex(p => new { p.Side, p.NameKey });
        builder.Property(p => p.CountryIso3).HasMaxLength(3);
        builder.Property(p => p.SearchText).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Offices).WithOne().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
