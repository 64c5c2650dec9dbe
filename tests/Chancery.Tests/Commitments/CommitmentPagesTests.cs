using System.Net;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using static Chancery.Tests.Commitments.CommitmentApi;

namespace Chancery.Tests.Commitments;

/// <summary>The commitment pages through their forms, posted as a browser posts them.</summary>
public sealed class CommitmentPagesTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_a_delivery_on_the_detail_page_starts_the_commitment_and_shows_the_delivery()
    {
        var api = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(api, Input("page-1", "IND", "health", 1_000m, "doses", "2017-01-01"));
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var response = await PageForms.PostAsync(browser, $"/commitments/{c.Id}", "delivery",
            new() { ["Delivery.Date"] = "2017-02-01", ["Delivery.Amount"] = "250", ["Delivery.Evidence"] = "Shipment received" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PageHtml.PageAsync(browser, $"/commitments/{c.Id}", Ct);
        page.ShouldContain("Shipment received");
        page.ShouldContain("status-in_progress");
    }

    [Fact]
    public async Task A_delivery_before_the_pledge_is_refused_beside_its_field()
    {
        var api = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(api, Input("page-2", "IND", "health", 1_000m, "doses", "2017-01-01"));
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var response = await PageForms.PostAsync(browser, $"/commitments/{c.Id}", "delivery",
            new() { ["Delivery.Date"] = "2016-12-01", ["Delivery.Amount"] = "250" }, Ct);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Đợt thực hiện không thể trước ngày cam kết.");
    }

    [Fact]
    public async Task The_new_commitment_form_saves_and_shows_the_commitment()
    {
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var response = await PageForms.PostAsync(browser, "/commitments/new", "commitment", new()
        {
            ["Input.Title"] = "Học bổng cho sinh viên", ["Input.PartnerCode"] = "KOR", ["Input.Direction"] = "inbound", ["Input.Sector"] = "education",
            ["Input.Amount"] = "50", ["Input.Unit"] = "scholarships", ["Input.PledgedDate"] = "2017-03-01", ["Input.Status"] = "open",
            ["Input.Classification"] = "internal", ["Input.Sources"] = "Tuyên bố chung", ["Input.Version"] = "0", ["theme"] = "education",
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PageHtml.PageAsync(browser, response.Headers.Location!.OriginalString, Ct);
        page.ShouldContain("Học bổng cho sinh viên");
        page.ShouldContain("50 suất học bổng");
    }

    [Fact]
    public async Task The_realisation_page_shows_the_figures_and_the_records_behind_them()
    {
        var api = await fixture.App.AdminClientAsync();
        var c = await CreateAsync(api, Input("page-real", "NZL", "grant", 800m, "USD", "2011-05-01"));
        await DeliverAsync(api, c.Id, "2011-06-01", 200m);
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var page = await PageHtml.PageAsync(browser, "/reports/realisation?from=2011-01-01&to=2011-12-31&by=partner", Ct);

        // 200 of 800 USD: 25.0 % (Vietnamese formatting).
        page.ShouldContain("25,0");
        page.ShouldContain("Commitment page-real");
        page.ShouldContain("id=\"chart-by-partner\"");
    }

    [Fact]
    public async Task The_realisation_page_first_shows_the_last_five_years_and_all_dates_once_asked()
    {
        var api = await fixture.App.AdminClientAsync();
        // The sector's year (Asia/Ho_Chi_Minh, UTC+7): last year is inside the five-year default, ten years ago is not.
        var year = DateTime.UtcNow.AddHours(7).Year;
        await CreateAsync(api, Input("recent-real", "IND", "trade", 100m, "USD", $"{year - 1}-06-30"));
        await CreateAsync(api, Input("old-real", "IND", "trade", 100m, "USD", $"{year - 10}-06-30"));
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);

        var first = await PageHtml.PageAsync(browser, "/reports/realisation", Ct);
        first.ShouldContain("Commitment recent-real");
        first.ShouldNotContain("Commitment old-real");
        first.ShouldContain($"value=\"{year - 4}-01-01\"");
        first.ShouldContain($"value=\"{year}-12-31\"");

        // The form as a reader sends it with both dates emptied: every pledge date.
        var all = await PageHtml.PageAsync(browser, "/reports/realisation?from=&to=&by=partner", Ct);
        all.ShouldContain("Commitment old-real");
        all.ShouldContain("Commitment recent-real");
    }

    [Fact]
    public async Task The_realisation_page_lists_a_large_groups_records_in_pages()
    {
        var api = await fixture.App.AdminClientAsync();
        for (var i = 1; i <= 12; i++)
            await CreateAsync(api, Input($"paged-{i:00}", "NZL", "grant", 10m * i, "USD", $"2009-{i:00}-15"));
        var browser = await PageForms.CookieClientAsync(fixture.App, ChanceryAppFactory.AdminEmail, ChanceryAppFactory.AdminPassword, Ct);
        const string question = "/reports/realisation?from=2009-01-01&to=2009-12-31&by=partner";

        // Under the group: its first ten records by pledge date, and a link to all twelve.
        var page = await PageHtml.PageAsync(browser, question, Ct);
        page.ShouldContain("Commitment paged-10");
        page.ShouldNotContain("Commitment paged-11");
        page.ShouldContain("group=NZL#records");

        var first = await PageHtml.PageAsync(browser, question + "&group=NZL&pageSize=20", Ct);
        first.ShouldContain("id=\"records\"");
        first.ShouldContain("Commitment paged-12");

        var second = await PageHtml.PageAsync(browser, question + "&group=NZL&pageSize=10&page=2", Ct);
        var records = second[second.IndexOf("id=\"records\"", StringComparison.Ordinal)..];
        records.ShouldContain("Commitment paged-11");
        records.ShouldContain("Commitment paged-12");
        records.ShouldNotContain("Commitment paged-01<");
        records.ShouldNotContain("Commitment paged-10");
    }
}
