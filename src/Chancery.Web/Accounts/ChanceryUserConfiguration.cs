using Chancery.Web.Common.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Accounts;

public sealed class ChanceryUserConfiguration : IEntityTypeConfiguration<ChanceryUser>
{
    public void Configure(EntityTypeBuilder<ChanceryUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Clearance).HasConversion<int>();
        builder.HasOne<Units.Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
