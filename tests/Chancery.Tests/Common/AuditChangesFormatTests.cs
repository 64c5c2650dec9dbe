using System.Text.Json;
using Chancery.Web.Activities;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Common;

/// <summary>The audit trail's Changes text is written straight into a buffer and leaves out sides with no
/// value; entries stored before (serialised from a dictionary of { Before, After } with nulls) must read
/// the same, so the two are compared here through the reader.</summary>
public class AuditChangesFormatTests
{
    [Fact]
    public void The_written_text_is_the_one_the_serialiser_gave_for_every_kind_of_value()
    {
        var changes = new Dictionary<string, AuditInterceptor.ValueChange>(StringComparer.Ordinal)
        {
            ["Id"] = new(null, 42),
            ["Big"] = new(null, 9_000_000_000L),
            ["Title"] = new("Thăm Đà Nẵng \"cũ\" <b>", "Visit to Hà Nội & back\n"),
            ["Kind"] = new(ActivityKind.StateVisit, ActivityKind.PhoneCall),
            ["Channel"] = new(null, (ActivityChannel?)ActivityChannel.NationalAssembly),
            ["Classification"] = new(ClassificationLevel.Internal, ClassificationLevel.TopSecret),
            ["DateStart"] = new(new DateOnly(2025, 1, 2), new DateOnly(2025, 12, 31)),
            ["At"] = new(null, new DateTime(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc)),
            ["Active"] = new(true, false),
            ["Amount"] = new(null, 12.5m),
            ["Notes"] = new(null, null),
        };

        var written = AuditChangesWriter.ToJson(changes);

        AuditChanges.Parse(written).ShouldBe(AuditChanges.Parse(JsonSerializer.Serialize(changes, AuditInterceptor.JsonOptions)).Where(c => c.Before is not null || c.After is not null));
        written.ShouldContain("\"Id\":{\"After\":42}");
        written.ShouldContain("\"Big\":{\"After\":9000000000}");
        written.ShouldContain("\"At\":{\"After\":\"2025-03-04T05:06:07.89Z\"}");
        written.ShouldNotContain("Notes");
        written.ShouldNotContain("null");
        written.ShouldContain("\"Kind\":{\"Before\":\"StateVisit\",\"After\":\"PhoneCall\"}");
        written.ShouldContain("\"DateStart\":{\"Before\":\"2025-01-02\",\"After\":\"2025-12-31\"}");
    }

    [Fact]
    public void One_writer_reused_for_many_entries_starts_each_afresh()
    {
        using var writer = new AuditChangesWriter();
        writer.Begin();
        writer.Created("Title", "first, and much longer than the second");
        writer.End();

        writer.Begin();
        writer.Created("Title", "second");

        writer.End().ShouldBe("{\"Title\":{\"After\":\"second\"}}");
    }
}
