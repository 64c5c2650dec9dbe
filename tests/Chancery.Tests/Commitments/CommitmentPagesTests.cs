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
}
