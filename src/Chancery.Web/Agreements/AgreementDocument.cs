using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Agreements;

/// <summary>A file of an agreement: its signed text or an annex. The bytes are in the kernel's document
/// store under <see cref="StoreKey"/>; this row keeps what was checked on upload (type, size, SHA-256).
/// It carries no level of its own: it is read, and downloaded, through its agreement.</summary>
public sealed class AgreementDocument
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public AgreementDocumentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hexadecimal.</summary>
    public required string Sha256 { get; set; }
    public required string StoreKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public enum AgreementDocumentKind { SignedText = 1, Annex = 2 }

public sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> builder)
    {
        builder.ToTable("agreement_documents");
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StoreKey).HasMaxLength(40);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.AgreementId);
    }
}
