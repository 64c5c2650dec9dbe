using Bunit;
using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Audit.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Administration;

public sealed class AuditChangesTableTests : BunitContext
{
    public AuditChangesTableTests() => Services.AddLocalization();

    [Fact]
    public void Each_changed_field_is_a_row_with_its_label_and_its_values_before_and_after()
    {
        IReadOnlyList<AuditLineChange> changes =
        [
            new("NameEn", "English name", "Hue Citi", "Hue City"),
            new("Version", "Version", "0", "1"),
            new("ParentId", "Parent unit", null, "Ministry of Foreign Affairs", AfterHref: "/units/7/edit"),
        ];

        var table = Render<AuditChangesTable>(p => p.Add(c => c.Changes, changes));

        var rows = table.FindAll("tbody tr");
        rows.Count.ShouldBe(3);
        rows[0].QuerySelector("th")!.TextContent.ShouldBe("English name");
        rows[0].QuerySelector("td.before")!.TextContent.ShouldBe("Hue Citi");
        rows[0].QuerySelector("td.after")!.TextContent.ShouldBe("Hue City");
        rows[1].QuerySelector("td.after")!.TextContent.ShouldBe("1");
        rows[2].QuerySelector("td.before")!.TextContent.ShouldBe("—"); // no value before
        rows[2].QuerySelector("td.after a")!.GetAttribute("href").ShouldBe("/units/7/edit");
    }

    [Fact]
    public void An_entry_without_changes_renders_no_table()
    {
        var table = Render<AuditChangesTable>(p => p.Add(c => c.Changes, []));

        table.FindAll("table").Count.ShouldBe(0);
    }
}
