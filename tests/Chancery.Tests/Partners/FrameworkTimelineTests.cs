using System.Globalization;
using Bunit;
using Chancery.Web.Partners.Components;
using Chancery.Web.Partners.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Partners;

/// <summary>The ladder timeline as a reader sees it, in Vietnamese (the default culture).</summary>
public sealed class FrameworkTimelineTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public FrameworkTimelineTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private static FrameworkEventDetail Event(int id, string level, string date, string precision, string? source = null) =>
        new(id, level, date, precision, null, null, null, source, null, "public", 0);

    [Fact]
    public void Events_are_listed_oldest_first_with_dates_only_as_precise_as_known()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        // Given newest first, as an API might.
        var cut = ctx.Render<FrameworkTimeline>(p => p.Add(t => t.Events,
        [
            Event(3, "comprehensive_strategic", "2025-10-29", "day"),
            Event(2, "strategic", "2013-06", "month"),
            Event(1, "comprehensive", "2009", "year"),
        ]));

        var items = cut.FindAll("li.timeline-item");
        items.Count.ShouldBe(3);
        items[0].QuerySelector("time")!.TextContent.ShouldBe("2009");
        items[0].TextContent.ShouldContain("chỉ rõ năm");
        items[1].QuerySelector("time")!.TextContent.ShouldBe("06/2013");
        items[1].TextContent.ShouldContain("chỉ rõ tháng");
        items[2].QuerySelector("time")!.TextContent.ShouldBe("29/10/2025");
        items[2].QuerySelector(".precision-note").ShouldBeNull();
        items[2].QuerySelector(".level-badge")!.TextContent.ShouldBe("Đối tác chiến lược toàn diện");
    }

    [Fact]
    public void Each_source_becomes_a_link_showing_its_host()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        var cut = ctx.Render<FrameworkTimeline>(p => p.Add(t => t.Events,
        [
            Event(1, "strategic", "2010-09-08", "day", "https://www.gov.uk/news/a ; http://example.org/b?x=1 (repost)"),
        ]));

        var links = cut.FindAll(".source-links a");
        links.Select(a => a.TextContent).ShouldBe(["www.gov.uk", "example.org"]);
        links[1].GetAttribute("href").ShouldBe("http://example.org/b?x=1");
        cut.Find(".source-links").TextContent.ShouldContain("(repost)");
    }

    [Fact]
    public void No_events_says_so()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization();

        var cut = ctx.Render<FrameworkTimeline>(p => p.Add(t => t.Events, []));

        cut.Markup.ShouldContain("Chưa ghi nhận sự kiện khuôn khổ nào.");
    }
}
