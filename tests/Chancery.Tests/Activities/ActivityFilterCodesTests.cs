using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Activities;

/// <summary>An unknown code in a filter is an error naming the parameter and its allowed values, never
/// the unfiltered list answered as if it had matched.</summary>
public sealed class ActivityFilterCodesTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/activities?kind=nonsense", "kind", "state_visit")]
    [InlineData("/api/v1/activities?status=maybe", "status", "cancelled")]
    [InlineData("/api/v1/activities?channel=carrier_pigeon", "channel", "government")]
    [InlineData("/api/v1/activities/export?kind=nonsense", "kind", "official_visit")]
    public async Task An_unknown_code_answers_400_naming_the_parameter_and_the_allowed_codes(string url, string parameter, string allowed)
    {
        var client = await fixture.App.AdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = body.RootElement.GetProperty("errors");
        errors.TryGetProperty(parameter, out var messages).ShouldBeTrue(body.RootElement.ToString());
        messages[0].GetString().ShouldNotBeNull().ShouldContain(allowed);
    }

    [Fact]
    public async Task A_known_code_in_any_letter_case_still_filters()
    {
        var client = await fixture.App.AdminClientAsync();

        var response = await client.GetAsync("/api/v1/activities?kind=State_Visit", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
