using Chancery.Web.Common.Security;
using System.Net;
using System.Net.Http.Json;
using Chancery.Tests.Activities;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Common.Classification;
using Chancery.Web.Reports;

namespace Chancery.Tests.Reports;

/// <summary>The review over <see cref="ActivityDataset"/>, on both providers. Worked out by hand:
/// <code>
/// outgoing visits (tier 1, completed, started in 2025):
///   t1 (FRA, CHE, FRA: one trip)   v2 (FRA again)   m2 (KHM: Lê Văn Thành is prime minister by then)   s1 (IND, confidential)
///   not: x1 cancelled, p1 planned, m1 led by a deputy (tier 2 on 5 March), o1 started in 2024      = 4
/// countries visited: FRA, CHE, KHM, IND                                                           = 4
/// multilateral conferences: c1 (inside trip t1)                                                   = 1
/// bilateral meetings: b1, b2 (sidelines of c1), beside the headline                               = 2
/// incoming visits: i2 (UN Secretary-General), i3 (Australian PM); not i1 (a foreign minister)     = 2
/// phone calls: pc = 1; online talks: ot = 1
/// headline = 4 + 2 + 1 + 1 + 1                                                                    = 9
/// a viewer cleared to internal loses s1: outgoing 3, countries 3 (FRA, CHE, KHM), headline 8
/// forecast adds p1 (planned, KOR): outgoing 5, countries 5, headline 10 (x1 stays out: cancelled)
/// tier 2 adds m1 (LAO): outgoing 5, countries 5, headline 10
/// </code></summary>
public abstract class AnnualReviewTests(AppFixture fixture)
{
    private const string Year = "/api/v1/reports/annual-review?from=2025-01-01&to=2025-12-31";

    private async Task<AnnualReview> ReviewAsync(HttpClient client, string query)
    {
        var review = await client.GetFromJsonAsync<AnnualReview>(Year + query, TestContext.Current.CancellationToken);
        return review!;
    }

    private async Task<HttpClient> AdminWithDatasetAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        return admin;
    }

    [Fact]
    public async Task The_review_of_2025_counts_every_rule_as_the_domain_states()
    {
        var review = await ReviewAsync(await AdminWithDatasetAsync(), "&tier=1");

        review.Figures.ShouldBe(new AnnualReviewFigures(
            HighLevelActivities: 9, OutgoingVisits: 4, CountriesVisited: 4, MultilateralConferences: 1,
            BilateralMeetings: 2, IncomingVisits: 2, PhoneCalls: 1, OnlineTalks: 1));
        review.Lists.OutgoingVisits.Select(r => r.ExternalRef).ShouldBe(["t1", "s1", "m2", "v2"]);
        review.Lists.CountriesVisited.Select(c => c.Code).ShouldBe(["CHE", "FRA", "IND", "KHM"], ignoreOrder: true);
        review.Lists.CountriesVisited.ShouldContain(c => c.Code == "CHE" && c.NameVi == "Thụy Sĩ");
        review.Lists.IncomingVisits.Select(r => r.ExternalRef).ShouldBe(["i2", "i3"]);
        review.Lists.BilateralMeetings.Select(r => r.ExternalRef).ShouldBe(["b1", "b2"]);
        review.Lists.HighLevelActivities.Select(r => r.ExternalRef)
            .ShouldBe(["pc", "i2", "i3", "t1", "c1", "ot", "s1", "m2", "v2"]);
        review.Lists.OutgoingVisits[0].Countries.ShouldBe(["FRA", "CHE", "FRA"]);
        review.ParagraphEn.ShouldContain("9 high-level diplomatic activities, including 4 visits by Vietnamese leaders to 4 countries");
        review.ParagraphVi.ShouldContain("9 hoạt động đối ngoại cấp cao");
    }

    [Fact]
    public async Task A_reader_cleared_to_internal_gets_figures_over_what_they_may_see_and_nothing_betrays_the_rest()
    {
        await AdminWithDatasetAsync();
        var viewer = await fixture.App.UserClientAsync("review-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);

        var response = await viewer.GetAsync(Year + "&tier=1", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var review = (await response.Content.ReadFromJsonAsync<AnnualReview>(TestContext.Current.CancellationToken))!;

        review.Figures.HighLevelActivities.ShouldBe(8);
        review.Figures.OutgoingVisits.ShouldBe(3);
        review.Figures.CountriesVisited.ShouldBe(3);
        body.ShouldNotContain("\"IND\"", Case.Sensitive);
        body.ShouldNotContain("India", Case.Sensitive);
        body.ShouldNotContain("\"s1\"");
    }

    [Fact]
    public async Task A_forecast_counts_planned_visits_but_never_cancelled_ones()
    {
        var review = await ReviewAsync(await AdminWithDatasetAsync(), "&tier=1&forecast=true");

        review.Figures.OutgoingVisits.ShouldBe(5);
        review.Figures.CountriesVisited.ShouldBe(5);
        review.Figures.HighLevelActivities.ShouldBe(10);
        review.Lists.OutgoingVisits.ShouldContain(r => r.ExternalRef == "p1");
        review.Lists.OutgoingVisits.ShouldNotContain(r => r.ExternalRef == "x1");
    }

    [Fact]
    public async Task At_tier_two_the_deputys_visit_counts_too()
    {
        var review = await ReviewAsync(await AdminWithDatasetAsync(), "&tier=2");

        review.Figures.OutgoingVisits.ShouldBe(5);
        review.Lists.CountriesVisited.Select(c => c.Code).ShouldContain("LAO");
        review.Figures.HighLevelActivities.ShouldBe(10);
    }

    [Fact]
    public async Task A_period_without_dates_is_refused_naming_the_field()
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync("/api/v1/reports/annual-review?from=2025-01-01", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"to\"");
    }

    [Fact]
    public async Task A_reversed_period_and_a_tier_out_of_range_are_named_in_the_callers_language()
    {
        var admin = await fixture.App.AdminClientAsync();
        const string query = "/api/v1/reports/annual-review?from=2025-12-31&to=2025-01-01&tier=9";

        var plain = await admin.GetAsync(query, TestContext.Current.CancellationToken);
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var english = await plain.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        english.GetProperty("errors").GetProperty("to")[0].GetString().ShouldBe("The end is before the start.");
        english.GetProperty("errors").GetProperty("tier")[0].GetString().ShouldBe("Between 1 and 5.");

        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.AcceptLanguage.ParseAdd("vi");
        var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var vietnamese = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        vietnamese.GetProperty("errors").GetProperty("tier")[0].GetString().ShouldBe("Từ 1 đến 5.");
        vietnamese.GetProperty("codes").GetProperty("to")[0].GetString().ShouldBe("EndBeforeStart");
    }
}

public sealed class AnnualReviewTestsOnSqlite(SqliteApp fixture) : AnnualReviewTests(fixture), IClassFixture<SqliteApp>;

public sealed class AnnualReviewTestsOnPostgres(PostgresApp fixture) : AnnualReviewTests(fixture), IClassFixture<PostgresApp>;
