using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Commitments;

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.ToTable("commitments");
        builder.Property(c => c.ExternalRef).HasMaxLength(80);
        builder.HasIndex(c => c.ExternalRef).IsUnique();
        builder.Property(c => c.PartnerCode).HasMaxLength(16);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Sector).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Title).HasMaxLength(1000);
        // Up to hundreds of billions with cents to spare (the JETP is 15.5 billion USD).
        builder.Property(c => c.Amount).HasPrecision(20, 4);
        builder.Property(c => c.Unit).HasMaxLength(16);
        builder.Property(c => c.Themes).HasMaxLength(1000);
        builder.Property(c => c.Sources).HasMaxLength(4000);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.Property(c => c.SearchText).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Classification).HasConversion<int>();
        builder.HasOne<Agreements.Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Activities.Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Units.Unit>().WithMany().HasForeignKey(c => c.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Deliveries).WithOne(d => d.Commitment).HasForeignKey(d => d.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        // Realisation selects by pledge date; the partner page by partner.
        builder.HasIndex(c => new { c.PledgedDate, c.Classification });
        builder.HasIndex(c => new { c.PartnerCode, c.PledgedDate });
        builder.HasIndex(c => c.DueDate);
        builder.HasIndex(c => c.ActivityId);
        builder.HasIndex(c => c.AgreementId);
    }
}

public sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.Property(d => d.ExternalRef).HasMaxLength(80);
        builder.HasIndex(d => d.ExternalRef).IsUnique();
        builder.Property(d => d.Amount).HasPrecision(20, 4);
        builder.Property(d => d.Evidence).HasMaxLength(4000);
        builder.Property(d => d.Source).HasMaxLength(4000);
        builder.Property(d => d.AttachmentName).HasMaxLength(255);
        builder.Property(d => d.AttachmentType).HasMaxLength(100);
        builder.Property(d => d.AttachmentSha256).HasMaxLength(64);
        builder.Property(d => d.AttachmentKey).HasMaxLength(40);
        builder.Property(d => d.AttachmentUploadedBy).HasMaxLength(256);
        builder.HasIndex(d => d.CommitmentId);
    }
}

public sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> builder)
    {
        builder.ToTable("exchange_rates");
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.UsdPerUnit).HasPrecision(24, 12);
        builder.Property(r => r.Source).HasMaxLength(1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Year, r.Currency }).IsUnique();
    }
}
