using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Agreements;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.Property(a => a.ExternalRef).HasMaxLength(80);
        builder.HasIndex(a => a.ExternalRef).IsUnique();
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TitleVi).HasMaxLength(1000);
        builder.Property(a => a.TitleEn).HasMaxLength(1000);
        builder.Property(a => a.OurSignatory).HasMaxLength(300);
        builder.Property(a => a.TheirSignatory).HasMaxLength(300);
        builder.Property(a => a.SignedPlace).HasMaxLength(300);
        builder.Property(a => a.Themes).HasMaxLength(1000);
        builder.Property(a => a.Sources).HasMaxLength(4000);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.SearchText).HasMaxLength(3000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Classification).HasConversion<int>();
        builder.Property(a => a.DeletedBy).HasMaxLength(256);
        builder.HasOne(a => a.Activity).WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Units.Unit>().WithMany().HasForeignKey(a => a.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        // The list pages by signature date (newest first), filtered by type and status.
        builder.HasIndex(a => new { a.SignedDate, a.Type });
        // The activity page lists what was signed during the activity.
        builder.HasIndex(a => a.ActivityId);
        builder.HasIndex(a => a.OwnerUnitId);
    }
}

public sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("agreement_parties");
        builder.HasKey(p => new { p.AgreementId, p.PartnerId });
        builder.HasOne<Partners.Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // The partner page and the partner filter start from the partner.
        builder.HasIndex(p => p.PartnerId);
    }
}
