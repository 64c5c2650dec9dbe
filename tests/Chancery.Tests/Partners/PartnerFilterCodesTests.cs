using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Partners;

/// <summary>The partner list and its export refuse unknown codes the way the activity list does.</summary>
public sealed class PartnerFilterCodesTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/partners?kind=planet", "kind", "organisation")]
    [InlineData("/api/v1/partners?level=strategic,eternal", "level", "comprehensive_strategic")]
    [InlineData("/api/v1/partnerships/export?kind=planet", "kind", "country")]
    public async Task An_unknown_code_answers_400_naming_the_parameter_and_the_allowed_codes(string url, string parameter, string allowed)
    {
        var client = await fixture.App.AdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString().ShouldNotBeNull().ShouldContain(allowed);
    }

    [Fact]
    public async Task Known_levels_still_filter()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.GetAsync("/api/v1/partners?level=comprehensive_strategic,strategic&kind=country", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
