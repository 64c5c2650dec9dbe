using Bunit;
using Chancery.Web.Common.Audit.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Administration;

public sealed class AuditChangesTableTests : BunitContext
{
    public AuditChangesTableTests() => Services.AddLocalization();

    [Fact]
    public void Each_changed_property_is_a_row_with_its_value_before_and_after()
    {
        var table = Render<AuditChangesTable>(p => p.Add(c => c.Changes,
            """{"NameEn":{"Before":"Hue Citi","After":"Hue City"},"Version":{"Before":0,"After":1},"ParentId":{"Before":null,"After":7}}"""));

        var rows = table.FindAll("tbody tr");
        rows.Count.ShouldBe(3);
        rows[0].QuerySelector("th")!.TextContent.ShouldBe("NameEn");
        rows[0].QuerySelector("td.before")!.TextContent.ShouldBe("Hue Citi");
        rows[0].QuerySelector("td.after")!.TextContent.ShouldBe("Hue City");
        rows[1].QuerySelector("td.after")!.TextContent.ShouldBe("1");
        rows[2].QuerySelector("td.before")!.TextContent.ShouldBe("—"); // no value before
    }

    [Fact]
    public void Unreadable_changes_render_nothing_instead_of_failing()
    {
        var table = Render<AuditChangesTable>(p => p.Add(c => c.Changes, "not json"));

        table.FindAll("table").Count.ShouldBe(0);
    }
}
