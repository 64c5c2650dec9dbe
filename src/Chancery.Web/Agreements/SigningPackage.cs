using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Agreements;

/// <summary>The package of documents signed during an activity, as announced ("36 documents signed")
/// before their titles are known. The items are the agreements whose activity it is; the activity page
/// shows how many of the announced count have been entered. Read through its activity (no level of its own).</summary>
public sealed class SigningPackage
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public int AnnouncedCount { get; set; }
    public string? Source { get; set; }
}

public sealed class SigningPackageConfiguration : IEntityTypeConfiguration<SigningPackage>
{
    public void Configure(EntityTypeBuilder<SigningPackage> builder)
    {
        builder.ToTable("signing_packages");
        builder.Property(p => p.Source).HasMaxLength(2000);
        builder.HasOne<Activities.Activity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ActivityId).IsUnique();
    }
}
