using System.Net;
using System.Text;

namespace Chancery.Tests.Partners;

public abstract partial class PartnerPagesTests
{
    // 1,001 calls with Iceland in 2041: more than the page counts on each view.
    [Fact]
    public async Task A_partner_with_more_than_a_thousand_activities_says_more_than_one_thousand_and_links_to_the_list()
    {
        var client = await fixture.App.AdminClientAsync();
        var csv = new StringBuilder("id,kind,date_start,date_end,status,leader_role,countries_iso3,title,classification\n");
        for (var i = 0; i < 1001; i++)
        {
            var day = new DateOnly(2041, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd");
            csv.Append($"isl-call-{i},phone_call,{day},{day},completed,Bộ trưởng Bộ Ngoại giao,ISL,Điện đàm Iceland {i},internal\n");
        }
        var import = await client.PostAsync("/api/v1/activities/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync(Ct));

        var html = await PageAsync(client, "/partners/ISL", Ct);

        html.ShouldContain("Xem tất cả hoạt động với đối tác này (hơn 1.000)");
        html.ShouldContain("href=\"/activities?partner=ISL\"");
    }
}
