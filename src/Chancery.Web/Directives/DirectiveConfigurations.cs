using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Directives;

public sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ToTable("directives");
        builder.Property(d => d.ExternalRef).HasMaxLength(80);
        builder.HasIndex(d => d.ExternalRef).IsUnique();
        builder.Property(d => d.Number).HasMaxLength(80);
        builder.Property(d => d.Issuer).HasMaxLength(300);
        builder.Property(d => d.Title).HasMaxLength(1000);
        builder.Property(d => d.Text).HasMaxLength(20000);
        builder.Property(d => d.Source).HasMaxLength(4000);
        builder.Property(d => d.SearchText).HasMaxLength(3000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.Classification).HasConversion<int>();
        builder.HasIndex(d => d.Date);
    }
}

public sealed class DirectiveTaskConfiguration : IEntityTypeConfiguration<DirectiveTask>
{
    public void Configure(EntityTypeBuilder<DirectiveTask> builder)
    {
        builder.ToTable("tasks");
        builder.Property(t => t.ExternalRef).HasMaxLength(80);
        builder.HasIndex(t => t.ExternalRef).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(2000);
        builder.Property(t => t.CoordinatingUnits).HasMaxLength(1000);
        builder.Property(t => t.IndicatorName).HasMaxLength(300);
        builder.Property(t => t.IndicatorUnit).HasMaxLength(40);
        builder.Property(t => t.IndicatorTarget).HasPrecision(18, 4);
        builder.Property(t => t.Recurrence).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.SeriesKey).HasMaxLength(40);
        builder.Property(t => t.Period).HasMaxLength(16);
        builder.Property(t => t.Notes).HasMaxLength(4000);
        builder.Property(t => t.SearchText).HasMaxLength(3000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.Classification).HasConversion<int>();
        builder.HasOne(t => t.Directive).WithMany(d => d.Tasks).HasForeignKey(t => t.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.LeadUnit).WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.DeadlineChanges).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Progress).WithOne(p => p.Task).HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        // A recurring series has one occurrence per period: a double close cannot create two successors.
        builder.HasIndex(t => new { t.SeriesKey, t.Period }).IsUnique();
        builder.HasIndex(t => new { t.LeadUnitId, t.Deadline });
        builder.HasIndex(t => t.Deadline);
        builder.HasIndex(t => t.ParentId);
        builder.HasIndex(t => t.DirectiveId);
        // The scoreboard reads the few tasks whose deadline moved apart from the rest (TaskScoreboardQuery); without this
        // small partial index that read is a scan of every task (about half its time at 200,000 tasks on SQLite).
        builder.HasIndex(t => t.DeadlineMoved).HasFilter("\"DeadlineMoved\"").HasDatabaseName("IX_tasks_deadline_moved");
    }
}

public sealed class TaskDeadlineChangeConfiguration : IEntityTypeConfiguration<TaskDeadlineChange>
{
    public void Configure(EntityTypeBuilder<TaskDeadlineChange> builder)
    {
        builder.ToTable("task_deadline_changes");
        builder.HasIndex(c => c.TaskId);
    }
}

public sealed class TaskProgressConfiguration : IEntityTypeConfiguration<TaskProgress>
{
    public void Configure(EntityTypeBuilder<TaskProgress> builder)
    {
        builder.ToTable("task_progress");
        builder.Property(p => p.Text).HasMaxLength(8000);
        builder.Property(p => p.Author).HasMaxLength(300);
        builder.Property(p => p.AuthorUserId).HasMaxLength(450);
        builder.Property(p => p.IndicatorValue).HasPrecision(18, 4);
        builder.HasIndex(p => new { p.TaskId, p.Date });
    }
}

public sealed class TaskNoticeConfiguration : IEntityTypeConfiguration<TaskNotice>
{
    public void Configure(EntityTypeBuilder<TaskNotice> builder)
    {
        builder.ToTable("task_notices");
        builder.Property(n => n.Event).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        // The ledger: each warning once per task, event and recipient, whichever instance sends it.
        builder.HasIndex(n => new { n.TaskId, n.Event, n.RecipientUserId }).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        builder.HasOne(n => n.Task).WithMany().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Common.Security.ChanceryUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("mail_outbox");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.Error).HasMaxLength(2000);
        builder.HasIndex(m => m.SentAt);
    }
}
