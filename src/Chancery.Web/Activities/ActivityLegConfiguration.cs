using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Activities;

public sealed class ActivityLegConfiguration : IEntityTypeConfiguration<ActivityLeg>
{
    public void Configure(EntityTypeBuilder<ActivityLeg> builder)
    {
        builder.ToTable("activity_legs");
        builder.Property(l => l.CountryIso3).HasMaxLength(3);
        builder.Property(l => l.City).HasMaxLength(200);
        builder.HasIndex(l => new { l.ActivityId, l.Order });
        builder.HasIndex(l => l.CountryIso3);
    }
}
