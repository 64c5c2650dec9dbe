using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.People;

public sealed class PersonOfficeConfiguration : IEntityTypeConfiguration<PersonOffice>
{
    public void Configure(EntityTypeBuilder<PersonOffice> builder)
    {
        builder.ToTable("person_offices");
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.Classification).HasConversion<int>();
        builder.HasOne(o => o.Office).WithMany().HasForeignKey(o => o.OfficeId).OnDelete(DeleteBehavior.Restrict);
        // The review asks "which office did this person hold on that day" for every counted record.
        builder.HasIndex(o => new { o.PersonId, o.From });
    }
}
