using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Web.Activities;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.Ignore(a => a.NamesForSearch);
        builder.Property(a => a.ExternalRef).HasMaxLength(80);
        builder.HasIndex(a => a.ExternalRef).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.Property(a => a.TitleEn).HasMaxLength(1000);
        builder.Property(a => a.HostOrVenue).HasMaxLength(500);
        builder.Property(a => a.LeaderRoleText).HasMaxLength(300);
        builder.Property(a => a.CounterpartRoleText).HasMaxLength(300);
        builder.Property(a => a.Themes).HasMaxLength(1000);
        builder.Property(a => a.Sources).HasMaxLength(4000);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.Outcomes).HasMaxLength(8000);
        builder.Property(a => a.SearchText).HasMaxLength(3000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Classification).HasConversion<int>();
        builder.HasOne(a => a.LeadPerson).WithMany().HasForeignKey(a => a.LeadPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CounterpartPerson).WithMany().HasForeignKey(a => a.CounterpartPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.PartOf).WithMany().HasForeignKey(a => a.PartOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Units.Unit>().WithMany().HasForeignKey(a => a.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Legs).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        // The review and the lists select by start date (and kind) first.
        builder.HasIndex(a => new { a.DateStart, a.Kind });
        // A list filtered by kind over a period (the common page: "this year's bilateral meetings")
        // counts and pages from this one; the classification is in it so the count needs no row reads.
        // The review's counted kinds over a year are read from it too: with the status and both people
        // in it, no activity row is read to decide what counts (SQLite, 500,000 activities: the review's
        // main statement went from about 90 ms to 25 ms; docs/benchmarks.md (a)).
        // The bin's mark is in it as well: every read also asks "not deleted" (the context's bin filter).
        builder.HasIndex(a => new { a.Kind, a.DateStart, a.Classification, a.Status, a.LeadPersonId, a.CounterpartPersonId, a.DeletedAt })
            .HasDatabaseName("IX_activities_Kind_DateStart_covering");
        // The review counts a leader's activities in a period: seek by person, then by date (and the
        // leader filter of the list uses the same index).
        builder.HasIndex(a => new { a.LeadPersonId, a.DateStart });
        builder.HasIndex(a => new { a.CounterpartPersonId, a.DateStart });
        builder.HasIndex(a => a.PartOfId);
        // A period's activities (ActivityQueries.BetweenAsync): those starting in it or shortly before come from
        // the start date index; the long ones that began earlier from this small index of long activities only.
        // An index on the span alone is not enough: SQLite then orders that part by the full start date index.
        builder.HasIndex(a => a.DateStart).HasFilter($"\"SpanDays\" > {Activity.LongSpanDays}").HasDatabaseName("IX_activities_long_by_start");
    }
}
