using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Commitments;

/// <summary>The agreement, commitment and delivery lists, their exports and the realisation report answer an
/// unknown code (a filter, an export format, a grouping) with 400 naming the parameter and its allowed values,
/// never the unfiltered list; the OpenAPI document lists the allowed codes of those parameters.</summary>
public sealed class CommitmentFilterCodesTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/agreements?type=letter", "type", "joint_statement")]
    [InlineData("/api/v1/agreements?status=dormant", "status", "in_force")]
    [InlineData("/api/v1/agreements/export?channel=pigeon", "channel", "government")]
    [InlineData("/api/v1/agreements/export?format=pdf", "format", "xlsx")]
    [InlineData("/api/v1/commitments?sector=mining", "sector", "technology_transfer")]
    [InlineData("/api/v1/commitments?status=done", "status", "partially_fulfilled")]
    [InlineData("/api/v1/commitments?direction=sideways", "direction", "outbound")]
    [InlineData("/api/v1/commitments?due=60", "due", "overdue")]
    [InlineData("/api/v1/commitments/export?format=ods", "format", "csv")]
    [InlineData("/api/v1/deliveries/export?format=pdf", "format", "xlsx")]
    [InlineData("/api/v1/deliveries/export?sector=mining", "sector", "oda")]
    [InlineData("/api/v1/exchange-rates/export?format=json", "format", "csv")]
    [InlineData("/api/v1/reports/realisation?by=country", "by", "partner")]
    public async Task An_unknown_code_answers_400_naming_the_parameter_and_the_allowed_codes(string url, string parameter, string allowed)
    {
        var client = await fixture.App.AdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages).ShouldBeTrue(body.RootElement.ToString());
        messages[0].GetString().ShouldNotBeNull().ShouldContain(allowed);
    }

    [Theory]
    [InlineData("/api/v1/commitments", "sector", "technology_transfer")]
    [InlineData("/api/v1/commitments", "due", "overdue")]
    [InlineData("/api/v1/agreements", "status", "in_force")]
    [InlineData("/api/v1/deliveries/export", "format", "xlsx")]
    [InlineData("/api/v1/reports/realisation", "by", "unit")]
    public async Task The_openapi_document_lists_the_allowed_codes_of_the_parameter(string path, string parameter, string code)
    {
        var client = await fixture.App.AdminClientAsync();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
        var described = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == parameter);
        described.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain(code);
    }
}
