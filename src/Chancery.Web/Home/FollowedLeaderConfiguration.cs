using Chancery.Web.Common.Security;
using Chancery.Web.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Home;

public sealed class FollowedLeaderConfiguration : IEntityTypeConfiguration<FollowedLeader>
{
    public void Configure(EntityTypeBuilder<FollowedLeader> builder)
    {
        builder.ToTable("followed_leaders");
        builder.Property(f => f.UserId).HasMaxLength(450);
        // Following twice is one following; a user's or a person's removal takes their followings with them.
        builder.HasIndex(f => new { f.UserId, f.PersonId }).IsUnique();
        builder.HasOne<ChanceryUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
