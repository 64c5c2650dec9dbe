using Chancery.Web.Common.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Common.Import;

/// <summary>An uploaded file waiting for its owner to confirm the preview. Kept in the database, not in
/// server memory, because the confirming request may reach another instance behind the load balancer.
/// Not audited: it is a work file; the import itself is audited row by row.</summary>
public sealed class PendingImport : INotAudited
{
    public Guid Id { get; set; }
    /// <summary>Which import it is for (e.g. "partnerships"), so one kind's page cannot confirm another's file.</summary>
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public ImportFormat Format { get; set; }
    public required byte[] Content { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedUtc { get; set; }

    public ImportFile ToFile() => new(FileName, Format, Content);

    /// <summary>How long an unconfirmed upload is kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
}

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.ToTable("pending_imports");
        builder.Property(p => p.Kind).HasMaxLength(40);
        builder.Property(p => p.FileName).HasMaxLength(260);
        builder.Property(p => p.Format).HasConversion<int>();
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => p.CreatedUtc);
    }
}
