using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Directives;

/// <summary>What kind of record carries a task out.</summary>
public enum TaskLinkKind
{
    Activity = 1,
    Agreement = 2,
    Commitment = 3,
}

/// <summary>A task carried out by an activity, an agreement or a commitment. It has no level of its own:
/// it is shown only when the reader may see both ends (the task through its filter, the record through
/// its own), so a link never tells anyone that a hidden record exists.</summary>
public sealed class TaskLink
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public TaskLinkKind Kind { get; set; }
    /// <summary>The activity's, agreement's or commitment's id.</summary>
    public int TargetId { get; set; }
}

public sealed class TaskLinkConfiguration : IEntityTypeConfiguration<TaskLink>
{
    public void Configure(EntityTypeBuilder<TaskLink> builder)
    {
        builder.ToTable("task_links");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<DirectiveTask>().WithMany().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.TaskId, l.Kind, l.TargetId }).IsUnique();
        // The other way: the tasks an activity, agreement or commitment serves (its page's section).
        builder.HasIndex(l => new { l.Kind, l.TargetId });
    }
}

/// <summary>A file attached to a progress report (a signed report, the minutes of a meeting). The bytes
/// are in the kernel's document store under <see cref="StoreKey"/>; the row keeps what was checked on
/// upload. It is read, and downloaded, only through its task (whoever may not see the task finds no file).</summary>
public sealed class ProgressDocument
{
    public int Id { get; set; }
    public int ProgressId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hexadecimal.</summary>
    public required string Sha256 { get; set; }
    public required string StoreKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public sealed class ProgressDocumentConfiguration : IEntityTypeConfiguration<ProgressDocument>
{
    public void Configure(EntityTypeBuilder<ProgressDocument> builder)
    {
        builder.ToTable("task_progress_documents");
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StoreKey).HasMaxLength(40);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasOne<TaskProgress>().WithMany().HasForeignKey(d => d.ProgressId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ProgressId);
    }
}
