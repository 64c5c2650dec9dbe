using Chancery.Web.Common.Security;
using System.Net.Http.Json;
using System.Text;
using Chancery.Tests.Infrastructure;
using Chancery.Web.Accounts;
using Chancery.Web.Activities;
using Chancery.Web.Common.Api;
using Chancery.Web.Common.Classification;

namespace Chancery.Tests.Activities;

/// <summary>Long lists stop counting at 1,000 rows past the page and say so; the exact figure is one
/// parameter away. And readers of different clearance, served by the same pooled database contexts,
/// never see each other's view.</summary>
public abstract class ActivityListTotalsTests(AppFixture fixture)
{
    private const int Calls = 1060;
    private const string Year2031 = "/api/v1/activities?from=2031-01-01&to=2031-12-31&kind=phone_call";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_long_list_says_more_than_1000_and_counts_exactly_when_asked()
    {
        var admin = await EnsureCallsAsync();

        var first = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(Year2031, Ct);
        first!.Items.Count.ShouldBe(50);
        first.Total.ShouldBe(1000);
        first.TotalIsExact.ShouldBeFalse();

        var exact = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(Year2031 + "&exactTotal=true", Ct);
        exact!.Total.ShouldBe(Calls);
        exact.TotalIsExact.ShouldBeTrue();

        // The page says the same in Vietnamese, offers the exact count, and still pages on.
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/activities?from=2031-01-01&to=2031-12-31&kind=phone_call", Ct));
        page.ShouldContain("Hơn 1.000 hoạt động.");
        page.ShouldContain("exactTotal=true");
        page.ShouldContain("Trang 1<");
        page.ShouldContain("rel=\"next\"");
        var exactPage = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/activities?from=2031-01-01&to=2031-12-31&kind=phone_call&exactTotal=true", Ct));
        exactPage.ShouldContain("1.060 hoạt động");
        exactPage.ShouldContain("Trang 1/22");
    }

    [Fact]
    public async Task Deep_pages_count_far_enough_to_know_whether_there_is_a_next_page()
    {
        var admin = await EnsureCallsAsync();

        // Page 21 holds rows 1,001–1,050: the count goes to 1,050 and finds more.
        var page21 = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(Year2031 + "&page=21", Ct);
        page21!.Items.Count.ShouldBe(50);
        page21.TotalIsExact.ShouldBeFalse();
        page21.Total.ShouldBe(1050);

        // Page 22 holds the last 10 rows (1,051–1,060): the count reaches the end and is exact.
        var page22 = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(Year2031 + "&page=22", Ct);
        page22!.Items.Count.ShouldBe(Calls - 1050);
        page22.TotalIsExact.ShouldBeTrue();
        page22.Total.ShouldBe(Calls);
    }

    [Fact]
    public async Task Readers_of_different_clearance_in_parallel_each_see_only_their_own_view()
    {
        var admin = await fixture.App.AdminClientAsync();
        await ActivityDataset.EnsureImportedAsync(admin);
        var viewer = await fixture.App.UserClientAsync("pool-viewer@test.local", Roles.Viewer, ClassificationLevel.Internal);
        const string india = "/api/v1/activities?partner=IND&from=2025-01-01&to=2025-12-31";

        // Interleaved requests share the pooled contexts; the confidential India visit (s1) must
        // appear for the administrator every time and for the viewer never.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var client = i % 2 == 0 ? admin : viewer;
            var list = await client.GetFromJsonAsync<ListResult<ActivityListItem>>(india, Ct);
            return (IsAdmin: i % 2 == 0, SeesS1: list!.Items.Any(a => a.ExternalRef == "s1"));
        }));

        answers.Where(a => a.IsAdmin).ShouldAllBe(a => a.SeesS1);
        answers.Where(a => !a.IsAdmin).ShouldAllBe(a => !a.SeesS1);
    }

    [Fact]
    public async Task A_trip_is_listed_and_reviewed_with_its_countries_in_leg_order_and_a_page_past_the_end_keeps_the_total()
    {
        var admin = await fixture.App.AdminClientAsync();
        // Legs neither in alphabetical order nor in the order of their English names.
        var csv = new StringBuilder(ActivityDataset.Header).Append(",leader_office_change\n")
            .Append("trip-2031,official_visit,2031-06-10,2031-06-14,completed,Prime Minister,Phạm Minh Chính,outgoing,DEU;CHE;AUT,,,,,,,,,,extend\n");
        var (response, _) = await ActivityDataset.ImportAsync(admin, csv.ToString());
        response.IsSuccessStatusCode.ShouldBeTrue();
        const string june = "/api/v1/activities?from=2031-06-01&to=2031-06-30&kind=official_visit";

        var list = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(june, Ct);
        list!.Items.Single().Countries.ShouldBe(["DEU", "CHE", "AUT"]);
        list.Total.ShouldBe(1);

        // No row to carry the count: the total is still there.
        var past = await admin.GetFromJsonAsync<ListResult<ActivityListItem>>(june + "&page=4", Ct);
        past!.Items.ShouldBeEmpty();
        past.Total.ShouldBe(1);
        past.TotalIsExact.ShouldBeTrue();

        var review = await admin.GetFromJsonAsync<Chancery.Web.Reports.AnnualReview>(
            "/api/v1/reports/annual-review?from=2031-06-01&to=2031-06-30&tier=1", Ct);
        review!.Lists.OutgoingVisits.Single().Countries.ShouldBe(["DEU", "CHE", "AUT"]);
        // By English name, each named from the partners: Austria, Germany, Switzerland.
        review.Lists.CountriesVisited.Select(c => (c.Code, c.NameEn, c.NameVi)).ShouldBe(
            [("AUT", "Austria", "Áo"), ("DEU", "Germany", "Đức"), ("CHE", "Switzerland", "Thụy Sĩ")]);
    }

    private async Task<HttpClient> EnsureCallsAsync()
    {
        var admin = await fixture.App.AdminClientAsync();
        // A made-up year of the prime minister's: the file says his term stretches to it (extend).
        var csv = new StringBuilder(ActivityDataset.Header).Append(",leader_office_change\n");
        for (var i = 0; i < Calls; i++)
        {
            var day = new DateOnly(2031, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd");
            csv.Append($"call-2031-{i},phone_call,{day},{day},completed,Prime Minister,Phạm Minh Chính,,FRA,,,,,,,,,,extend\n");
        }
        // Keyed by id, so the second test to get here changes nothing.
        var (response, outcome) = await ActivityDataset.ImportAsync(admin, csv.ToString());
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line} {p.Column} {p.Reason}") ?? []));
        return admin;
    }
}

public sealed class ActivityListTotalsTestsOnSqlite(SqliteApp fixture) : ActivityListTotalsTests(fixture), IClassFixture<SqliteApp>;

public sealed class ActivityListTotalsTestsOnPostgres(PostgresApp fixture) : ActivityListTotalsTests(fixture), IClassFixture<PostgresApp>;
